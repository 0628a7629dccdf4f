/**
 * HWP 5 files altered byte by byte for the reader's refusals: an HWP is an OLE compound file, and a stream rewritten
 * in the sectors it already has (same length) leaves the container valid while its content is whatever the test says.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import CFB from 'cfb';

const END_OF_CHAIN = 0xfffffffe;

interface Entry {
  name: string;
  start: number;
  size: number;
}

/** The file offsets of a stream's bytes, in order, and its size: read from the header, FAT and directory. */
function streamPlace(file: Buffer, name: string): { offsets: number[]; size: number } {
  const sectorSize = 1 << file.readUInt16LE(0x1e);
  const at = (sector: number) => (sector + 1) * sectorSize;
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = file.readUInt32LE(0x4c + 4 * i);
    if (s < 0xfffffffa) fatSectors.push(s);
  }
  const next = (sector: number) => {
    const perSector = sectorSize / 4;
    const fat = fatSectors[Math.floor(sector / perSector)]!;
    return file.readUInt32LE(at(fat) + 4 * (sector % perSector));
  };
  const chain = (start: number) => {
    const out: number[] = [];
    for (let s = start; s !== END_OF_CHAIN && out.length < 1e6; s = next(s)) out.push(s);
    return out;
  };
  const entries: Entry[] = [];
  for (const sector of chain(file.readUInt32LE(0x30)))
    for (let off = at(sector); off < at(sector) + sectorSize; off += 128) {
      const nameLength = file.readUInt16LE(off + 0x40);
      if (nameLength < 2) continue;
      entries.push({
        name: file.toString('utf16le', off, off + nameLength - 2),
        start: file.readUInt32LE(off + 0x74),
        size: file.readUInt32LE(off + 0x78),
      });
    }
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no stream ${name}`);
  // Streams under the mini-stream cutoff live in the mini stream; the ones altered here (sections) are larger.
  if (entry.size < file.readUInt32LE(0x38)) throw new Error(`stream ${name} is in the mini stream`);
  const offsets: number[] = [];
  for (const sector of chain(entry.start)) for (let i = 0; i < sectorSize; i++) offsets.push(at(sector) + i);
  return { offsets: offsets.slice(0, entry.size), size: entry.size };
}

export function readStream(file: Buffer, name: string): Buffer {
  const { offsets } = streamPlace(file, name);
  return Buffer.from(offsets.map((o) => file[o]!));
}

/** A copy of the file with this stream's bytes replaced, padded with zeros to the stream's length. */
export function withStream(file: Buffer, name: string, content: Buffer): Buffer {
  const { offsets, size } = streamPlace(file, name);
  if (content.length > size) throw new Error(`${name}: ${content.length} bytes do not fit in ${size}`);
  const out = Buffer.from(file);
  offsets.forEach((o, i) => (out[o] = content[i] ?? 0));
  return out;
}

/** A body section's records (inflated), and the section written back compressed. */
export function sectionRecords(file: Buffer, section = 0): Buffer {
  return inflateRawSync(readStream(file, `Section${section}`), { finishFlush: 2 });
}

export function withSectionRecords(file: Buffer, records: Buffer, section = 0): Buffer {
  return withStream(file, `Section${section}`, deflateRawSync(records, { level: 9 }));
}

/**
 * A copy of the file whose first section holds these records, compressed, at whatever length they take: the
 * compound file is written anew (by the cfb library), so the content need not fit the stream's old sectors.
 */
export function withSection(file: Buffer, records: Buffer): Buffer {
  const cfb = CFB.read(file, { type: 'buffer' });
  const entry = CFB.find(cfb, '/BodyText/Section0');
  if (!entry) throw new Error('no BodyText/Section0');
  entry.content = deflateRawSync(records, { level: 9 }) as unknown as number[];
  entry.size = entry.content.length;
  return CFB.write(cfb, { type: 'buffer' }) as Buffer;
}
