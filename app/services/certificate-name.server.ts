// A certificate's subject or issuer as people read it, Vietnamese letters intact (NFC). Vietnamese
// CAs put an organisation's tax code in the UID attribute as "MST:0101234567", a person's ID
// number as "CCCD:…"; some use serialNumber instead, so both are read.
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import type { CertificateName } from '../domain/signed-pdf.js';

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.42': 'GN',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'E',
};

const TAX_CODE = /MST\s*:?\s*(\d{10}(?:-\d{3})?)/i;

export function certificateName(name: pkijs.RelativeDistinguishedNames): CertificateName {
  const parts = name.typesAndValues.map((attribute) => ({
    type: SHORT_NAMES[attribute.type] ?? attribute.type,
    value: attributeText(attribute.value),
  }));
  const first = (type: string) => parts.find((part) => part.type === type)?.value ?? null;
  const serialNumber = first('serialNumber');
  const userId = first('UID');
  return {
    commonName: first('CN'),
    organisation: first('O'),
    serialNumber,
    userId,
    taxCode: TAX_CODE.exec(userId ?? '')?.[1] ?? TAX_CODE.exec(serialNumber ?? '')?.[1] ?? null,
    // Certificates list the country first; people read the name first (as RFC 4514 writes it).
    text: parts
      .reverse()
      .map((part) => `${part.type}=${part.value}`)
      .join(', '),
  };
}

function attributeText(value: unknown): string {
  if (value instanceof asn1js.BaseStringBlock) return value.getValue().normalize('NFC');
  // Not a string type: its DER in hex, as RFC 4514 writes such values.
  if (value instanceof asn1js.BaseBlock) return `#${Buffer.from(value.toBER()).toString('hex')}`;
  return '';
}
