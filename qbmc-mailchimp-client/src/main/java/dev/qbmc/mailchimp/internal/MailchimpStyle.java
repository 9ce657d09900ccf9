package dev.qbmc.mailchimp.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of this module: generated implementations are package-private and hidden
 * behind the abstract value type ({@code builder()}, {@code of(...)}), JDK collections only. The
 * generated classes carry no annotation from the class path: Immutables would otherwise add its
 * class-retained {@code @org.immutables.value.Generated}, which a consumer compiling with {@code
 * -Xlint:all -Werror} (without Immutables on its class path) fails on. {@code Override} stands for
 * "none": an empty list would allow them all.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    get = {"get*", "is*"},
    allowedClasspathAnnotations = Override.class,
    defaults = @Value.Immutable(copy = true))
public @interface MailchimpStyle {}
