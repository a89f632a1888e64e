package sheet

// xlsTables opens an Excel 97–2003 workbook as tables: the globals (sheet list, shared strings) are read
// at once, each sheet's cells when the importer comes to it.
func xlsTables(raw []byte) (*tableFile, error) {
	stream, err := xlsStream(raw)
	if err != nil {
		return nil, err
	}
	book, err := parseXLSBook(stream)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(book.sheets))
	for i, s := range book.sheets {
		names[i] = s.name
	}
	return &tableFile{
		names: names,
		close: func() {},
		open: func(i int) (*table, error) {
			rows, err := book.readSheet(i)
			if err != nil {
				return nil, err
			}
			n := 0
			return &table{name: names[i], total: len(rows), excel: true, close: func() {},
				next: func() ([]string, bool, error) {
					if n >= len(rows) {
						return nil, false, nil
					}
					n++
					return rows[n-1], true, nil
				}}, nil
		},
	}, nil
}
