package sidecar

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "a.html")
	if m, err := Load(page); m != nil || err != nil {
		t.Fatalf("no sidecar: %v %v", m, err)
	}
	os.WriteFile(page+".meta.yaml", []byte("title: T\nauthor: A\npublished: 2024-08-09\nlanguage: kk\n"), 0o644)
	m, err := Load(page)
	if err != nil || m.Title != "T" || m.Byline != "A" || m.Language != "kk" || m.PublishedPrecision != "day" ||
		m.PublishedTime.Format("2006-01-02") != "2024-08-09" || !strings.HasSuffix(m.Path, ".meta.yaml") {
		t.Fatalf("yaml: %+v %v", m, err)
	}
	os.Remove(page + ".meta.yaml")
	os.WriteFile(page+".meta.json", []byte(`{"byline": "B", "author": "ignored", "published": "2024-08-09T10:00:00+05:00"}`), 0o644)
	m, err = Load(page)
	if err != nil || m.Byline != "B" || m.PublishedPrecision != "time" {
		t.Fatalf("json: %+v %v", m, err)
	}
	os.WriteFile(page+".meta.json", []byte(`{"title": `), 0o644)
	if _, err := Load(page); err == nil || !strings.Contains(err.Error(), "a.html.meta.json") {
		t.Errorf("bad json: %v", err)
	}
	if !IsSidecar("x/A.HTML.META.YAML") || IsSidecar("x/a.yaml") {
		t.Error("IsSidecar")
	}
}
