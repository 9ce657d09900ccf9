package dev.qbmc.quickbooks.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.impl.MethodProperty;
import com.fasterxml.jackson.databind.deser.impl.NullsConstantProvider;
import com.fasterxml.jackson.databind.introspect.AnnotatedWithParams;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Makes Jackson bind the QBO models through method handles instead of reflection. Jackson calls
 * every setter of the Immutables {@code Json} helper classes, their constructors and the {@code
 * fromJson} factories by {@code java.lang.reflect}, which costs an argument array and a megamorphic
 * accessor per call: with the dates, the largest cost of reading a page beyond the JSON parsing
 * itself. This modifier swaps those calls, for the classes of the model package only, for {@link
 * MethodHandle}s looked up once per class; everything else (names, value deserializers, nulls,
 * unknown properties) stays Jackson's. A member that cannot be looked up keeps Jackson's way.
 */
final class HandleBinding extends BeanDeserializerModifier {
  private static final long serialVersionUID = 1L;
  private static final String MODEL_PACKAGE = "dev.qbmc.quickbooks.model";

  @Override
  public BeanDeserializerBuilder updateBuilder(
      DeserializationConfig config, BeanDescription beanDesc, BeanDeserializerBuilder builder) {
    if (!beanDesc.getBeanClass().getPackageName().equals(MODEL_PACKAGE)) {
      return builder;
    }
    List<SettableBeanProperty> replaced = new ArrayList<>();
    for (Iterator<SettableBeanProperty> it = builder.getProperties(); it.hasNext(); ) {
      SettableBeanProperty property = it.next();
      if (property instanceof MethodProperty && property.getMember().getMember() instanceof Method setter) {
        MethodHandle handle = handle(setter, MethodType.methodType(void.class, Object.class, Object.class));
        if (handle != null) {
          replaced.add(new HandleProperty(property, handle));
        }
      }
    }
    replaced.forEach(p -> builder.addOrReplaceProperty(p, true));
    ValueInstantiator instantiator = builder.getValueInstantiator();
    if (instantiator != null && instantiator.getClass() == com.fasterxml.jackson.databind.deser.std.StdValueInstantiator.class) {
      MethodHandle create = creator(instantiator.getDefaultCreator(), MethodType.methodType(Object.class));
      MethodHandle fromDelegate =
          creator(instantiator.getDelegateCreator(), MethodType.methodType(Object.class, Object.class));
      if (create != null || fromDelegate != null) {
        builder.setValueInstantiator(new HandleInstantiator(instantiator, create, fromDelegate));
      }
    }
    return builder;
  }

  private static MethodHandle creator(AnnotatedWithParams creator, MethodType type) {
    if (creator == null || creator.getParameterCount() != type.parameterCount()) {
      return null;
    }
    Member member = creator.getMember();
    if (member instanceof Method m && !Modifier.isStatic(m.getModifiers())) {
      return null;
    }
    return handle(member, type);
  }

  private static MethodHandle handle(Member member, MethodType type) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(member.getDeclaringClass(), MethodHandles.lookup());
      MethodHandle handle = member instanceof Constructor<?> c ? lookup.unreflectConstructor(c)
          : lookup.unreflect((Method) member);
      return handle.asType(type);
    } catch (IllegalAccessException | RuntimeException e) {
      return null;
    }
  }

  /** A setter property that calls its setter through a method handle. */
  private static final class HandleProperty extends SettableBeanProperty.Delegating {
    private static final long serialVersionUID = 1L;
    private final transient MethodHandle setter;

    HandleProperty(SettableBeanProperty delegate, MethodHandle setter) {
      super(delegate);
      this.setter = setter;
    }

    @Override
    protected SettableBeanProperty withDelegate(SettableBeanProperty d) {
      return new HandleProperty(d, setter);
    }

    @Override
    public void deserializeAndSet(JsonParser p, DeserializationContext ctxt, Object instance) throws IOException {
      Object value = delegate.deserialize(p, ctxt);
      if (value == null && NullsConstantProvider.isSkipper(delegate.getNullValueProvider())) {
        return;
      }
      try {
        setter.invokeExact(instance, value);
      } catch (Throwable e) {
        _throwAsIOE(p, asException(e), value);
      }
    }

    @Override
    public Object deserializeSetAndReturn(JsonParser p, DeserializationContext ctxt, Object instance)
        throws IOException {
      deserializeAndSet(p, ctxt, instance);
      return instance;
    }

    @Override
    public void set(Object instance, Object value) throws IOException {
      try {
        setter.invokeExact(instance, value);
      } catch (Throwable e) {
        _throwAsIOE(asException(e), value);
      }
    }

    @Override
    public Object setAndReturn(Object instance, Object value) throws IOException {
      set(instance, value);
      return instance;
    }
  }

  /** Creates the {@code Json} helpers and the values through method handles. */
  private static final class HandleInstantiator extends ValueInstantiator.Delegating {
    private static final long serialVersionUID = 1L;
    private final transient MethodHandle create;
    private final transient MethodHandle fromDelegate;

    HandleInstantiator(ValueInstantiator delegate, MethodHandle create, MethodHandle fromDelegate) {
      super(delegate);
      this.create = create;
      this.fromDelegate = fromDelegate;
    }

    @Override
    public Object createUsingDefault(DeserializationContext ctxt) throws IOException {
      if (create == null) {
        return super.createUsingDefault(ctxt);
      }
      try {
        return (Object) create.invokeExact();
      } catch (Throwable e) {
        return ctxt.handleInstantiationProblem(getValueClass(), null, asException(e));
      }
    }

    @Override
    public Object createUsingDelegate(DeserializationContext ctxt, Object delegate) throws IOException {
      if (fromDelegate == null) {
        return super.createUsingDelegate(ctxt, delegate);
      }
      try {
        return (Object) fromDelegate.invokeExact(delegate);
      } catch (Throwable e) {
        return ctxt.handleInstantiationProblem(getValueClass(), delegate, asException(e));
      }
    }
  }

  private static Exception asException(Throwable e) {
    if (e instanceof Error error) {
      throw error;
    }
    return (Exception) e;
  }
}
