// XML namespaces used by CLUE: RFC 8846 §4, §26.1 (data model), RFC 8847 §9, §12.1 (protocol),
// RFC 6351 (xCard), and the Telescene encoding-limits extension (RFC 8847 §8 extension mechanism,
// see model/encodings).
export const NS_INFO = 'urn:ietf:params:xml:ns:clue-info';
export const NS_PROTOCOL = 'urn:ietf:params:xml:ns:clue-protocol';
export const NS_VCARD = 'urn:ietf:params:xml:ns:vcard-4.0';
export const NS_XSI = 'http://www.w3.org/2001/XMLSchema-instance';
export const NS_XML = 'http://www.w3.org/XML/1998/namespace';
export const NS_XMLNS = 'http://www.w3.org/2000/xmlns/';
/** Telescene's extension carrying the individual encodings' limits (RFC 8845 §9.1) in the ADV. */
export const NS_ENCODINGS = 'urn:telescene:xml:ns:clue-encodings';
export const ENCODINGS_EXTENSION = { name: 'telescene-encodings', schemaRef: NS_ENCODINGS, version: '1.0' } as const;

/** Namespaces a CLUE parser knows; elements in any other namespace are the schemas' `##other` wildcards. */
export const isClueNamespace = (ns: string): boolean => ns === NS_INFO || ns === NS_PROTOCOL;
