// Package cellsafe neutralizes spreadsheet formula injection in text cells
// (OWASP "CSV injection"): a cell whose first character makes Excel,
// LibreOffice or Google Sheets read it as a formula gets an apostrophe
// prefix, so the application shows it as text and never evaluates it.
//
// Only text columns should be guarded; numbers such as "-0.25" must be
// written as they are so they stay numbers.
package cellsafe

// Triggers are the first characters that make a spreadsheet evaluate a
// cell: the four formula starts = + - @, tab and carriage return (OWASP),
// and line feed (briefpack writes carriage returns as line feeds, so a
// cell that began with "\r" begins with "\n" once written).
const Triggers = "=+-@\t\r\n"

// NeedsGuard reports whether s starts with one of Triggers.
func NeedsGuard(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return true
	}
	return false
}

// Guard returns s with a leading apostrophe when NeedsGuard(s), else s.
// The apostrophe is visible in a text editor and in most CSV readers; Excel
// hides it when the cell is typed by hand but shows it for imported CSV,
// which is the accepted cost of the guard.
func Guard(s string) string {
	if NeedsGuard(s) {
		return "'" + s
	}
	return s
}
