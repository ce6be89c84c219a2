package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"regexp"
	"sort"
)

// sortedZip is the zip writer handed to excelize. excelize writes the
// entries of stream-written sheets in map order, and lists content types in
// the order they were added, so two exports of the same dataset gave
// different bytes. sortedZip compresses each entry as it comes into a
// temporary file (memory holds only the offsets, so a large workbook stays
// out of memory), then writes the entries sorted by name, with the content
// types sorted too: the same dataset and Options.Now give the same bytes.
type sortedZip struct {
	out     *zip.Writer
	tmp     *os.File
	off     int64 // bytes written to tmp
	entries []*zipEntry
	cur     *zipEntry
	fw      *flate.Writer
}

type zipEntry struct {
	name     string
	raw      bytes.Buffer // the uncompressed bytes, kept only for [Content_Types].xml
	off, len int64        // the deflated bytes in tmp
	crc      hash.Hash32
	size     uint64
	keep     bool
}

// tmpCounter counts what the compressor writes to the temporary file.
type tmpCounter struct{ z *sortedZip }

func (c tmpCounter) Write(p []byte) (int, error) {
	n, err := c.z.tmp.Write(p)
	c.z.off += int64(n)
	return n, err
}

// contentTypes is the one entry rewritten before it is written.
const contentTypes = "[Content_Types].xml"

func newSortedZip(w io.Writer) *sortedZip {
	return &sortedZip{out: zip.NewWriter(w)}
}

// Create starts a new entry; the previous one is complete.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	if z.tmp == nil {
		tmp, err := os.CreateTemp("", "briefpack-xlsx-*")
		if err != nil {
			return nil, err
		}
		z.tmp = tmp
	}
	e := &zipEntry{name: name, crc: crc32.NewIEEE(), keep: name == contentTypes, off: z.off}
	if z.fw == nil {
		fw, err := flate.NewWriter(tmpCounter{z}, flate.BestSpeed)
		if err != nil {
			return nil, err
		}
		z.fw = fw
	} else {
		z.fw.Reset(tmpCounter{z})
	}
	z.cur = e
	z.entries = append(z.entries, e)
	return z, nil
}

// Write adds to the current entry.
func (z *sortedZip) Write(p []byte) (int, error) {
	e := z.cur
	if e == nil {
		return 0, io.ErrClosedPipe
	}
	if e.keep {
		return e.raw.Write(p)
	}
	e.crc.Write(p)
	e.size += uint64(len(p))
	return z.fw.Write(p)
}

// finish closes the current entry's compressor.
func (z *sortedZip) finish() error {
	if z.cur == nil {
		return nil
	}
	e := z.cur
	z.cur = nil
	if e.keep {
		return nil
	}
	err := z.fw.Close()
	e.len = z.off - e.off
	return err
}

// AddFS adds the files of fsys, in name order.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
}

// typeRE matches one content type element, written either way:
// <Default .../> or <Default ...></Default>, and the same for Override.
var typeRE = regexp.MustCompile(`<(Default|Override) [^>]*?(?:/>|></(?:Default|Override)>)`)

// sortOverrides puts the Default and the Override elements of
// [Content_Types].xml each in sorted order, in the places elements of
// their kind held, keeping everything around them.
func sortOverrides(xml []byte) []byte {
	locs := typeRE.FindAllSubmatchIndex(xml, -1)
	if len(locs) < 2 {
		return xml
	}
	byKind := map[string][]string{}
	kinds := make([]string, len(locs))
	for i, l := range locs {
		k := string(xml[l[2]:l[3]])
		kinds[i] = k
		byKind[k] = append(byKind[k], string(xml[l[0]:l[1]]))
	}
	for _, els := range byKind {
		sort.Strings(els)
	}
	next := map[string]int{}
	var b bytes.Buffer
	last := 0
	for i, l := range locs {
		b.Write(xml[last:l[0]])
		k := kinds[i]
		b.WriteString(byKind[k][next[k]])
		next[k]++
		last = l[1]
	}
	b.Write(xml[last:])
	return b.Bytes()
}

// Close writes the entries sorted by name, closes the archive and removes
// the temporary file.
func (z *sortedZip) Close() error {
	defer z.cleanup()
	if err := z.finish(); err != nil {
		return err
	}
	sort.SliceStable(z.entries, func(i, j int) bool { return z.entries[i].name < z.entries[j].name })
	for _, e := range z.entries {
		if e.keep {
			data := sortOverrides(e.raw.Bytes())
			w, err := z.out.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate})
			if err != nil {
				return err
			}
			if _, err := w.Write(data); err != nil {
				return err
			}
			continue
		}
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: e.crc.Sum32(),
			CompressedSize64: uint64(e.len), UncompressedSize64: e.size}
		w, err := z.out.CreateRaw(h)
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, io.NewSectionReader(z.tmp, e.off, e.len)); err != nil {
			return err
		}
	}
	return z.out.Close()
}

// cleanup removes the temporary file; it may be called more than once (the
// exporter calls it also when excelize fails before Close).
func (z *sortedZip) cleanup() {
	if z.tmp != nil {
		z.tmp.Close()
		os.Remove(z.tmp.Name())
		z.tmp = nil
	}
}
