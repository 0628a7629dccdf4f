/** Small PDFs written byte by byte for the reader's refusals (pdfjs reads PDFs; it cannot write them). */

/** A PDF of the given objects (1-based, in order) with a correct cross-reference table and trailer. */
export function pdfOf(objects: string[], trailerExtra = ''): Buffer {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function stream(content: string, dict = ''): string {
  return `<< ${dict} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

/** One page that draws a grey 2×2 image and nothing else: what a scanner makes, with no text layer. */
export function scanLikePdf(): Buffer {
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    stream('q 500 0 0 700 47 70 cm /Im1 Do Q'),
    stream('\x80\x80\x80\x80', '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8'),
  ]);
}

/** One page with one line of text, in Helvetica. */
export function textPdf(text: string): Buffer {
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(`BT /F1 12 Tf 72 700 Td (${text}) Tj ET`),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/**
 * textPdf's page behind the standard security handler with a user password: /U holds no digest of the empty
 * password, so no reader opens the file without the password.
 */
export function encryptedPdf(): Buffer {
  const plain = textPdf('secret').toString('latin1');
  const objects = [...plain.matchAll(/\d+ 0 obj\n([\s\S]*?)\nendobj/g)].map((m) => m[1]!);
  const hex32 = 'A1'.repeat(32);
  objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${'5B'.repeat(32)}> /P -3904 >>`);
  return pdfOf(objects, `/Encrypt ${objects.length} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] `);
}

/** One page drawing `content` (text in Helvetica as /F1). */
function pagePdf(content: string): Buffer {
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

const text = (x: number, y: number, s: string) => `BT /F1 12 Tf ${x} ${y} Td (${s}) Tj ET`;

/**
 * A ruled table with a spanned header, drawn as 한글 exports draw: a caption, then
 *   | Item  | Budget        |      (Item spans two rows, Budget two columns)
 *   |       | 2023  | 2024  |
 *   | Roads | 1,200 | 1,500 |
 *   | Parks | 300   | 450   |      ("300 … 450" one run across the rule)
 * the box a stroked rectangle, the inner rules lines moved to by a transform (cm) inside save/restore, one of them
 * a thin filled rectangle; a paragraph below.
 */
export function ruledTablePdf(): Buffer {
  return pagePdf(
    [
      text(100, 720, 'Budget by year'),
      '0.5 w 100 620 300 80 re S',
      'q 1 0 0 1 100 600 cm 100 80 m 300 80 l S 0 60 m 300 60 l S 0 40 m 300 40 l S Q',
      '199.6 620 0.8 80 re f',
      'q 1 0 0 1 300 0 cm 0 620 m 0 680 l S Q',
      text(110, 676, 'Item'),
      text(280, 686, 'Budget'),
      text(230, 666, '2023'),
      text(330, 666, '2024'),
      text(110, 646, 'Roads'),
      text(230, 646, '1,200'),
      text(330, 646, '1,500'),
      text(110, 626, 'Parks'),
      text(230, 626, `300${' '.repeat(20)}450`),
      text(100, 590, 'Figures in million won.'),
    ].join('\n'),
  );
}

/**
 * A table without left and right borders (as 한글 often exports): three horizontal rules from x 80 to 480 and two
 * vertical rules between the columns. "Kim" ends 2 points before the rule and "Roads" starts 3 after it, closer than
 * the spaces inside "Parks          Green", which is one cell.
 */
export function borderlessTablePdf(): Buffer {
  return pagePdf(
    [
      '80 500 m 480 500 l S 80 480 m 480 480 l S 80 440 m 480 440 l S',
      '200 440 m 200 500 l S 340 440 m 340 500 l S',
      text(90, 486, 'Name'),
      text(210, 486, 'Team'),
      text(350, 486, 'Phone'),
      text(178, 466, 'Kim'),
      text(203, 466, 'Roads'),
      text(350, 466, '051-888-1234'),
      text(90, 446, 'Lee'),
      text(210, 446, `Parks${' '.repeat(10)}Green`),
      text(350, 446, '051-888-5678'),
    ].join('\n'),
  );
}
