// The hostile-input guard (RFC 8847 §11): bounds and refusals that fixtures cannot show well.
import { describe, expect, it } from 'vitest';
import { DEFAULT_XML_LIMITS, decodeMessage, ParseError } from '../../shared/clue';
import { guardXml } from '../../shared/clue/xml/guard';

const msg = (inner: string, attrs = ''): string => `<options xmlns="urn:ietf:params:xml:ns:clue-protocol" protocol="CLUE" v="1.0"${attrs}>${inner}<sequenceNr>1</sequenceNr><mediaProvider>true</mediaProvider><mediaConsumer>false</mediaConsumer></options>`;
const refused = (xml: string, reason: RegExp): void => {
  expect(() => guardXml(xml)).toThrow(ParseError);
  expect(() => guardXml(xml)).toThrow(reason);
};

describe('XML guard', () => {
  it('accepts a plain message with declaration, BOM, comments, CDATA and character references', () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- hi -->${msg('<clueId><![CDATA[a<b]]>&#x41;&amp;</clueId>')}\n`;
    expect(decodeMessage(xml)).toMatchObject({ type: 'options', clueId: 'a<bA&', mediaConsumer: false });
  });

  it('bounds size, depth, element count, attributes and names', () => {
    refused(' '.repeat(DEFAULT_XML_LIMITS.maxChars + 1), /larger than/);
    refused(msg('<a>'.repeat(50) + '</a>'.repeat(50)), /deeper/);
    refused(`<r>${'<a/>'.repeat(DEFAULT_XML_LIMITS.maxElements + 1)}</r>`, /more than 20000 elements/);
    refused(`<r ${Array.from({ length: 40 }, (_, i) => `a${i}="1"`).join(' ')}/>`, /more than 32 attributes/);
    refused(`<${'n'.repeat(200)}/>`, /longer than/);
  });

  it('refuses every kind of markup declaration and entity', () => {
    for (const decl of ['<!DOCTYPE x>', '<!DOCTYPE x [<!ENTITY a "b">]>', '<!ENTITY a SYSTEM "file:///etc/passwd">', '<!ELEMENT x ANY>', '<!ATTLIST x a CDATA #IMPLIED>']) {
      refused(`${decl}<x/>`, /markup declarations are not allowed/);
    }
    refused(msg('<clueId>&amp;&nbsp;</clueId>'), /&nbsp;/);
    refused(msg('<clueId>&#0;</clueId>'), /character XML does not allow/);
    refused(msg('', ' a="&lol;"'), /&lol;/);
    refused(msg('<clueId>\u0001</clueId>'), /character XML does not allow/);
  });

  it('refuses documents that are not well-formed', () => {
    refused('', /no root/);
    refused('<a></b>', /does not match/);
    refused('<a/><b/>', /after the root/);
    refused('text<a/>', /outside the root/);
    refused('<a b=1/>', /not quoted/);
    refused('<a b="1"c="2"/>', /separated|malformed attribute/);
    refused('<a b="<"/>', /"<" inside/);
    refused('<a><!-- x -- y --></a>', /inside a comment/);
    refused('<a>]]></a>', /"]]>"/);
    refused('<a>', /unclosed/);
    refused('<?xml version="1.0"?><?xml-stylesheet href="x"?><a/>', /processing instructions/);
  });

  it('finds a bad reference or "]]>" in any text node or attribute, after good ones (the scan remembers where they are)', () => {
    refused('<a x="&amp;"><b>&lt;</b><c>plain</c><d y="&#65;">&bad;</d></a>', /&bad;/);
    refused('<a><b>&amp;</b><c z="&nope;"/></a>', /&nope;/);
    refused('<a><![CDATA[x]]><b>ok</b><c>]]></c></a>', /"]]>"/);
    expect(() => guardXml('<a><![CDATA[x]]><b>&amp;&#x41;</b><c>&quot;</c><![CDATA[y]]></a>')).not.toThrow();
  });
});
