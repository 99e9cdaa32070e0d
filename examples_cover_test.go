package cx_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryExportedNameHasAnExample checks issue 7's rule for the library's
// packages: "every exported identifier in every package has an Example or is
// used in one of its package's examples". It type-checks each package's
// external tests and looks for a use of every exported function, type,
// constant, variable and method in a file named example*_test.go, or for an
// Example function named after it (ExampleT_M, ExampleT_M_suffix).
//
// A type also counts as used by an example that handles a value of it. Struct
// fields are not checked, nor the methods that fmt, encoding/json, encoding
// and errors call for the caller (String, Error, MarshalJSON and the like):
// an example exercises those by printing, marshalling or matching a value,
// without naming them.
func TestEveryExportedNameHasAnExample(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks every package from source")
	}
	excused := maps.Clone(notInExamples)
	// One file set and importer for all: the importer type-checks each
	// package it imports once.
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	for _, pkg := range []string{"outcome", "hierarchy", "northstar", "triplecrown", "render", "cxtest"} {
		var missing []string
		for _, name := range namesInNoExample(t, fset, imp, pkg) {
			if _, ok := excused[pkg+"."+name]; ok {
				delete(excused, pkg+"."+name)
				continue
			}
			missing = append(missing, name)
		}
		assert.Empty(t, missing, "exported names of package %s that no example uses", pkg)
	}
	assert.Empty(t, excused, "names excused below that an example now uses: take them off the list")
}

// notInExamples are the exported names that no example uses, and why.
var notInExamples = map[string]string{
	"northstar.ErrInfluenceOverflow": "only influences past float64's range raise it (26 links of weight 10^12 " +
		"in a row), which would teach nothing; TestSelectInfluenceOverflow covers it",
}

// implicitMethods are called by the standard library for the caller.
var implicitMethods = []string{"String", "Error", "Unwrap", "Is", "As", "Format", "GoString",
	"MarshalJSON", "UnmarshalJSON", "MarshalText", "UnmarshalText", "AppendText",
	"MarshalBinary", "UnmarshalBinary", "AppendBinary"}

// exported is an exported declaration of a package: its name ("T", "T.M")
// and where it is declared.
type exported struct {
	name string
	pos  token.Pos
}

// namesInNoExample returns the exported names of the package in directory dir
// that no example of the package uses or is named after.
func namesInNoExample(t *testing.T, fset *token.FileSet, imp types.Importer, dir string) []string {
	// Absolute names, as the importer gives the package's own files, so that
	// the positions of declarations match.
	abs, err := filepath.Abs(dir)
	require.NoError(t, err)
	files, err := filepath.Glob(filepath.Join(abs, "*.go"))
	require.NoError(t, err)
	var decls []exported
	var tests []*ast.File
	var examples []string // the names of the Example functions
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		if strings.HasSuffix(name, "_test.go") {
			if strings.HasSuffix(f.Name.Name, "_test") {
				tests = append(tests, f)
			}
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && strings.HasPrefix(fd.Name.Name, "Example") {
					examples = append(examples, fd.Name.Name)
				}
			}
			continue
		}
		decls = append(decls, exportedDecls(f)...)
	}

	// Type-check the external test package, and note what the example files
	// use.
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
		Types: map[ast.Expr]types.TypeAndValue{}}
	inExample := func(p token.Pos) bool {
		return strings.HasPrefix(filepath.Base(fset.Position(p).Filename), "example")
	}
	// The importer reads the package without its test files, so names that
	// an internal test file (export_test.go) adds for the other tests are
	// unknown here: only errors in the examples matter.
	conf := types.Config{Importer: imp, Error: func(err error) {
		if te, ok := err.(types.Error); !ok || inExample(te.Pos) {
			t.Errorf("type-checking the examples of %s: %v", dir, err)
		}
	}}
	_, _ = conf.Check(dir+"_test", fset, tests, info) // errors go to conf.Error

	used := map[string]bool{} // by the position of the declaration
	for id, obj := range info.Uses {
		if inExample(id.Pos()) {
			used[fset.Position(obj.Pos()).String()] = true
		}
	}
	for sel, s := range info.Selections {
		if inExample(sel.Pos()) {
			used[fset.Position(s.Obj().Pos()).String()] = true
		}
	}
	// A type is used, too, by an example that handles a value of it (or a
	// pointer to one, or a slice of them) without naming it.
	for e, tv := range info.Types {
		if !inExample(e.Pos()) {
			continue
		}
		typ := tv.Type
		for {
			if p, ok := typ.(*types.Pointer); ok {
				typ = p.Elem()
			} else if sl, ok := typ.(*types.Slice); ok {
				typ = sl.Elem()
			} else {
				break
			}
		}
		if n, ok := typ.(*types.Named); ok {
			used[fset.Position(n.Obj().Pos()).String()] = true
		}
	}

	var missing []string
	for _, d := range decls {
		if used[fset.Position(d.pos).String()] {
			continue
		}
		named := "Example" + strings.ReplaceAll(d.name, ".", "_")
		if slices.ContainsFunc(examples, func(e string) bool { return e == named || strings.HasPrefix(e, named+"_") }) {
			continue
		}
		missing = append(missing, d.name)
	}
	slices.Sort(missing)
	return missing
}

// exportedDecls returns the exported functions, types, constants, variables
// and methods of exported types declared in f, but not the implicitMethods.
// An interface's methods are the caller's to implement, not to call: the
// interface is checked as a type.
func exportedDecls(f *ast.File) []exported {
	var out []exported
	method := func(typ string, name *ast.Ident) {
		if ast.IsExported(typ) && name.IsExported() && !slices.Contains(implicitMethods, name.Name) {
			out = append(out, exported{typ + "." + name.Name, name.Pos()})
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				if d.Name.IsExported() {
					out = append(out, exported{d.Name.Name, d.Name.Pos()})
				}
				continue
			}
			typ := d.Recv.List[0].Type
			if s, ok := typ.(*ast.StarExpr); ok {
				typ = s.X
			}
			if x, ok := typ.(*ast.IndexExpr); ok {
				typ = x.X
			}
			if id, ok := typ.(*ast.Ident); ok {
				method(id.Name, d.Name)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					if !s.Name.IsExported() {
						continue
					}
					out = append(out, exported{s.Name.Name, s.Name.Pos()})
				case *ast.ValueSpec:
					for _, name := range s.Names {
						if name.IsExported() {
							out = append(out, exported{name.Name, name.Pos()})
						}
					}
				}
			}
		}
	}
	return out
}
