package config

import _ "embed"

// Example is the commented example written by `briefpack config init`.
//
//go:embed example.yaml
var Example []byte
