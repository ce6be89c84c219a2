package xlsx

import (
	"bytes"
	"os"
	"reflect"
	"unsafe"

	"github.com/xuri/excelize/v2"
)

// releaseStreamBuffer lets the garbage collector take back the in-memory
// buffer of a flushed stream writer whose rows went to a temporary file.
//
// excelize's StreamWriter keeps the rows of a sheet in a bytes.Buffer and
// moves them to a temporary file whenever the buffer passes
// excelize.StreamChunkSize (16 MiB), so the buffer's capacity ends between 16
// and 32 MiB. After Flush the buffer is empty, but the File keeps every stream
// writer until the workbook is written, and with it that capacity: two large
// tables (Sentences and Mentions) held 40 to 64 MiB for nothing. excelize has
// no API to drop it, so this reaches the unexported field
// StreamWriter.rawData.buf (excelize v2.11.1) and replaces the empty buffer
// with a zero one. It changes nothing when the rows are still in memory (no
// temporary file: the buffer is the sheet) or when the buffer is not empty,
// and it does nothing when excelize's layout differs from what it expects
// (it then returns false; TestReleaseStreamBuffer fails on such an upgrade).
func releaseStreamBuffer(sw *excelize.StreamWriter) bool {
	if sw == nil {
		return false
	}
	raw := reflect.ValueOf(sw).Elem().FieldByName("rawData")
	if !raw.IsValid() || raw.Kind() != reflect.Struct {
		return false
	}
	tmp, buf := raw.FieldByName("tmp"), raw.FieldByName("buf")
	if !tmp.IsValid() || tmp.Type() != reflect.TypeFor[*os.File]() ||
		!buf.IsValid() || buf.Type() != reflect.TypeFor[bytes.Buffer]() || !buf.CanAddr() {
		return false
	}
	if tmp.IsNil() {
		return false // the rows live in the buffer
	}
	b := (*bytes.Buffer)(unsafe.Pointer(buf.UnsafeAddr()))
	if b.Len() != 0 {
		return false
	}
	*b = bytes.Buffer{}
	return true
}
