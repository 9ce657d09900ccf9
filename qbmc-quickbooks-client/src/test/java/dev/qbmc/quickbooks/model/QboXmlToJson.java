package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Test helper: turns QBO's XML representation into the JSON shape of the same API, so the XML
 * fixtures (for which no JSON recording exists) exercise the JSON models. Rules follow the QBO
 * JSON format: {@code *Ref} elements become {@code {"value", "name"}}, {@code Line}-like and
 * {@code QueryResponse} children become arrays, attributes become fields, empty elements objects.
 */
final class QboXmlToJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> ALWAYS_ARRAY =
      Set.of("Line", "TaxLine", "LinkedTxn", "CustomField", "QueryResponse");

  private QboXmlToJson() {}

  static ObjectNode convert(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    if (root.getLocalName().equals("IntuitResponse")) {
      ObjectNode envelope = object(root, false);
      JsonNode cdc = envelope.get("CDCResponse");
      if (cdc != null) {
        envelope.set("CDCResponse", F.arrayNode().add(cdc));
      }
      return envelope;
    }
    ObjectNode wrapper = F.objectNode();
    wrapper.set(root.getLocalName(), object(root, false));
    return wrapper;
  }

  private static ObjectNode object(Element element, boolean childrenAreArrays) {
    ObjectNode node = F.objectNode();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attr = (Attr) attributes.item(i);
      if (!attr.getName().startsWith("xmlns")) {
        node.put(attr.getLocalName() == null ? attr.getName() : attr.getLocalName(), attr.getValue());
      }
    }
    List<Element> children = children(element);
    for (Element child : children) {
      String name = child.getLocalName();
      JsonNode value = value(child);
      boolean repeated = children.stream().filter(c -> c.getLocalName().equals(name)).count() > 1;
      if (childrenAreArrays || repeated || ALWAYS_ARRAY.contains(name)) {
        JsonNode existing = node.get(name);
        ArrayNode array = existing instanceof ArrayNode a ? a : node.putArray(name);
        array.add(value);
      } else {
        node.set(name, value);
      }
    }
    return node;
  }

  private static JsonNode value(Element element) {
    String name = element.getLocalName();
    if (name.endsWith("Ref")) {
      ObjectNode ref = F.objectNode();
      ref.put("value", element.getTextContent().strip());
      if (element.hasAttribute("name")) {
        ref.put("name", element.getAttribute("name"));
      }
      return ref;
    }
    if (children(element).isEmpty() && element.getAttributes().getLength() == 0) {
      String text = element.getTextContent();
      return text.isEmpty() ? F.objectNode() : F.textNode(text);
    }
    return object(element, name.equals("QueryResponse"));
  }

  private static List<Element> children(Element element) {
    List<Element> out = new ArrayList<>();
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }
}
