package xlsx

import (
	"bytes"
	"os"
	"reflect"
	"unsafe"

	"github.com/xuri/excelize/v2"
)

// spillSize is how many bytes of row XML a stream keeps in memory before
// they go to the stream's temporary file (excelize itself waits for
// excelize.StreamChunkSize, 16 MiB).
const spillSize = 1 << 20

// streamBuf reaches the row buffer of an excelize StreamWriter.
//
// excelize's StreamWriter appends the XML of each row to a bytes.Buffer and,
// once the buffer holds excelize.StreamChunkSize (16 MiB), moves it to a
// temporary file (bufferedWriter.Sync). The buffer therefore grows to 16-32
// MiB for every sheet larger than that, and the File keeps every stream
// writer, buffer capacity included, until the workbook is written. On a
// million-row run that was most of what the exporter itself held, and the
// garbage collector lets garbage grow in proportion to what is held.
// excelize has no option for the chunk size, so streamBuf does what Sync
// does with a smaller threshold (spill) and drops the empty buffer after
// Flush (release). It works on the unexported fields
// StreamWriter.rawData.{tmpDir,tmp,buf} of excelize v2.11.1 through
// reflection; when they are not there (another excelize version),
// newStreamBuf returns nil and excelize's own buffering applies unchanged.
// TestStreamBuf fails on such an upgrade.
type streamBuf struct {
	tmpDir string
	tmp    **os.File
	buf    *bytes.Buffer
}

// newStreamBuf returns the buffer handle of sw, or nil when excelize's
// layout is not the expected one.
func newStreamBuf(sw *excelize.StreamWriter) *streamBuf {
	if sw == nil {
		return nil
	}
	raw := reflect.ValueOf(sw).Elem().FieldByName("rawData")
	if !raw.IsValid() || raw.Kind() != reflect.Struct {
		return nil
	}
	dir, tmp, buf := raw.FieldByName("tmpDir"), raw.FieldByName("tmp"), raw.FieldByName("buf")
	if !dir.IsValid() || dir.Kind() != reflect.String ||
		!tmp.IsValid() || tmp.Type() != reflect.TypeFor[*os.File]() ||
		!buf.IsValid() || buf.Type() != reflect.TypeFor[bytes.Buffer]() || !buf.CanAddr() {
		return nil
	}
	return &streamBuf{
		tmpDir: dir.String(),
		tmp:    (**os.File)(unsafe.Pointer(tmp.UnsafeAddr())),
		buf:    (*bytes.Buffer)(unsafe.Pointer(buf.UnsafeAddr())),
	}
}

// spill moves the buffered rows to the stream's temporary file, creating it
// in excelize's temporary directory as excelize does, once they reach
// spillSize. Call it only between rows (after SetRow returned). When no
// temporary file can be created the rows stay in memory, as with excelize.
// File.Close removes the file.
func (s *streamBuf) spill() error {
	if s == nil || s.buf.Len() < spillSize {
		return nil
	}
	if *s.tmp == nil {
		f, err := os.CreateTemp(s.tmpDir, "excelize-")
		if err != nil {
			return nil
		}
		*s.tmp = f
	}
	_, err := s.buf.WriteTo(*s.tmp)
	return err
}

// release drops the buffer's memory after Flush when the rows are in the
// temporary file (the buffer is then empty). It reports whether it did; a
// stream without a temporary file keeps its rows in the buffer.
func (s *streamBuf) release() bool {
	if s == nil || *s.tmp == nil || s.buf.Len() != 0 {
		return false
	}
	*s.buf = bytes.Buffer{}
	return true
}
