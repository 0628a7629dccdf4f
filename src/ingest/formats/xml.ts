/** XML as fast-xml-parser's order-preserving tree: text runs keep their spaces and inline elements their place. */
import { XMLParser } from 'fast-xml-parser';

/** One element ({ tag: children, ':@': attributes }) or a text node ({ '#text': value }). */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

export function parseXml(xml: string): XmlNode[] {
  return parser.parse(xml) as XmlNode[];
}

export function tagOf(node: XmlNode): string {
  for (const key in node) if (key !== ':@') return key;
  return '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attrsOf(node: XmlNode): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}

/** All text under a node, markup dropped. */
export function textOf(node: XmlNode): string {
  if ('#text' in node) return String(node['#text']);
  return childrenOf(node).map(textOf).join('');
}
