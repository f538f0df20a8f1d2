package com.carloan.overdue.contact;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads WeCom's flat XML ({@code <xml><Name>value</Name>…</xml>}) with every entity and DTD feature off:
 * no XXE, no entity expansion, nothing fetched.
 */
final class SafeXml {

  private SafeXml() {}

  /** The root element's child elements by name, with their text (CDATA included). */
  static Map<String, String> fields(String xml) throws IllegalArgumentException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler());
      Element root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
      Map<String, String> fields = new LinkedHashMap<>();
      for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n.getNodeType() == Node.ELEMENT_NODE) {
          fields.putIfAbsent(n.getNodeName(), n.getTextContent().strip());
        }
      }
      return fields;
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("not well-formed XML, or XML with a DOCTYPE");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The JRE's XML parser lacks a safety feature", e);
    }
  }
}
