// OLE2 compound files (Word 97 .doc, WPS, Excel 97 .xls, encrypted Office files) are told apart by the streams
// they hold, read from the directory with the cfb package before any reader opens them.
import CFB from 'cfb';

export type CompoundKind =
  | { readonly kind: 'doc'; readonly encrypted: boolean }
  | { readonly kind: 'xls' }
  | { readonly kind: 'refused'; readonly looksLike: string; readonly code: string };

/** What a compound file is, from its stream names; throws when the directory cannot be read. */
export function sniffCompound(bytes: Uint8Array): CompoundKind {
  const container = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
  // Paths start with the root storage's name (Root Entry, or whatever the writer called it).
  const names = new Set(container.FullPaths.map((p) => p.replace(/\/$/, '').split('/').slice(1).join('/').toLowerCase()).filter(Boolean));
  const has = (name: string) => names.has(name.toLowerCase());
  if (has('EncryptedPackage') || has('EncryptionInfo')) {
    return { kind: 'refused', looksLike: '受密码保护的 Office 文件 (a password-protected Office file); save it again without a password', code: 'encrypted-office' };
  }
  if (has('WordDocument')) {
    const stream = CFB.find(container, 'WordDocument');
    const content = stream?.content as Uint8Array | undefined;
    // FIB: wIdent 0xA5EC at 0, flags at 0x0A; bit 8 fEncrypted.
    const flags = content && content.length >= 12 ? content[0x0a] | (content[0x0b] << 8) : 0;
    return { kind: 'doc', encrypted: (flags & 0x0100) !== 0 };
  }
  if (has('Workbook') || has('Book')) return { kind: 'xls' };
  if (has('CONTENTS') || has('CHNKWKS') || has('SPELLING')) {
    return { kind: 'refused', looksLike: 'Microsoft Works 文字处理文件 (a Microsoft Works .wps, not a WPS Office document); open it in Works or LibreOffice and save as .docx', code: 'works-wps' };
  }
  if (has('PowerPoint Document')) return { kind: 'refused', looksLike: 'PowerPoint 演示文稿 (a .ppt deck)', code: 'unsupported-format' };
  if (has('_VBA_PROJECT_CUR') || has('VBA')) return { kind: 'refused', looksLike: '只有宏的 Excel 文件 (an Excel file with macros only, no workbook)', code: 'unsupported-format' };
  return { kind: 'refused', looksLike: `未知的复合文档 (an OLE2 compound file with streams ${[...names].slice(0, 6).join(', ')})`, code: 'unsupported-format' };
}
