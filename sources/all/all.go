// Package all links in every source format and locator.
package all

import (
	_ "github.com/briefpack/briefpack/examples"
	_ "github.com/briefpack/briefpack/sources/feed"
	_ "github.com/briefpack/briefpack/sources/file"
	_ "github.com/briefpack/briefpack/sources/html"
	_ "github.com/briefpack/briefpack/sources/markdown"
	_ "github.com/briefpack/briefpack/sources/text"
	_ "github.com/briefpack/briefpack/sources/url"
)
