package catalog

import (
	"context"
	"log/slog"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"sellerdesk/app/apperr"
	"sellerdesk/app/txn"
	"sellerdesk/app/validate"
	"sellerdesk/data"
)

// Service is the catalog: what the product screens, the Excel importer and (later) orders call.
type Service struct {
	store   *data.Store
	dataDir string
	log     *slog.Logger
	tx      txn.Writer
}

// New builds the catalog service on an open store; images are kept under dataDir/images.
func New(store *data.Store, dataDir string, log *slog.Logger) *Service {
	return &Service{store: store, dataDir: dataDir, log: log, tx: txn.Writer{Store: store, Log: log, Area: "상품",
		Fault: func(what string) apperr.Msg {
			return apperr.M("{{.What}} 저장하지 못했습니다. 자세한 내용은 로그에 기록했습니다.", "What", apperr.M(what))
		}}}
}

// Now is the time on the desk's clock (the store's), the one the catalog's transactions stamp.
func (s *Service) Now() time.Time { return s.store.Now() }

// internal is a fault reading the store: what failed (a sentence key of its own, so it translates whole),
// then where the details are; the cause stays for the log.
func internal(err error, what string) error {
	return &apperr.Error{Code: apperr.ErrInternal, Err: err, Key: "{{.What}} 자세한 내용은 로그에 기록했습니다.",
		Args: map[string]any{"What": apperr.M(what)}}
}

// conflict, notFound and invalidField build the catalog's errors from a sentence key and its values
// (name/value pairs, see apperr.M).
func conflict(key string, args ...any) error { return apperr.New(apperr.ErrConflict, key, args...) }

func notFound(key string, args ...any) error { return apperr.New(apperr.ErrNotFound, key, args...) }

func invalidField(field, key string, args ...any) error {
	return apperr.InvalidMsg(map[string]apperr.Msg{field: apperr.M(key, args...)}, nil)
}

// write runs fn in one transaction through the services' shared helper (see package txn).
func (s *Service) write(ctx context.Context, what string, fn func(tx *data.Tx) error) error {
	return s.tx.Write(ctx, what, fn)
}

// Categories returns the category tree depth-first, each with its full path ("의류 > 상의") and depth.
func (s *Service) Categories(ctx context.Context) ([]Category, error) {
	recs, err := data.Categories(ctx, s.store.Read())
	if err != nil {
		return nil, internal(err, "카테고리를 읽지 못했습니다.")
	}
	return categoryTree(recs), nil
}

func categoryTree(recs []data.CategoryRecord) []Category {
	children := map[int64][]data.CategoryRecord{}
	for _, r := range recs {
		children[r.ParentID] = append(children[r.ParentID], r)
	}
	var out []Category
	var walk func(parent int64, path string, depth int)
	walk = func(parent int64, path string, depth int) {
		kids := children[parent]
		sort.Slice(kids, func(i, j int) bool { return kids[i].Name < kids[j].Name })
		for _, k := range kids {
			p := k.Name
			if path != "" {
				p = path + " > " + k.Name
			}
			out = append(out, Category{ID: k.ID, ParentID: k.ParentID, Name: k.Name, Path: p, Depth: depth})
			if depth < 20 { // a cycle cannot be stored, but never loop on a damaged file
				walk(k.ID, p, depth+1)
			}
		}
	}
	walk(0, "", 0)
	return out
}

// descendants returns id and every category below it.
func descendants(cats []Category, id int64) []int64 {
	ids := []int64{id}
	for changed := true; changed; {
		changed = false
		for _, c := range cats {
			if contains(ids, c.ParentID) && !contains(ids, c.ID) {
				ids = append(ids, c.ID)
				changed = true
			}
		}
	}
	return ids
}

func contains(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// SaveCategory creates (ID 0), renames or moves a category.
func (s *Service) SaveCategory(ctx context.Context, c Category) (Category, error) {
	c.Name = strings.TrimSpace(c.Name)
	if c.Name == "" {
		return c, apperr.Invalid(map[string]string{"name": "카테고리 이름을 입력하세요."}, nil)
	}
	if utf8.RuneCountInString(c.Name) > 50 {
		return c, apperr.Invalid(map[string]string{"name": "카테고리 이름은 50자 이내로 입력하세요."}, nil)
	}
	cats, err := s.Categories(ctx)
	if err != nil {
		return c, err
	}
	if c.ID != 0 && c.ParentID != 0 && contains(descendants(cats, c.ID), c.ParentID) {
		return c, conflict("카테고리를 자기 자신이나 그 아래 카테고리 밑으로 옮길 수 없습니다.")
	}
	parentFound, moved := c.ParentID == 0, false
	for _, o := range cats {
		parentFound = parentFound || o.ID == c.ParentID
		moved = moved || (o.ID == c.ID && o.ParentID != c.ParentID)
	}
	if !parentFound {
		return c, notFound("상위 카테고리가 없습니다.")
	}
	for _, o := range cats {
		if o.ParentID == c.ParentID && o.Name == c.Name && o.ID != c.ID {
			return c, invalidField("name", "같은 위치에 '{{.Name}}' 카테고리가 이미 있습니다.", "Name", c.Name)
		}
	}
	err = s.write(ctx, "카테고리를", func(tx *data.Tx) error {
		id, err := data.SaveCategoryTx(ctx, tx, data.CategoryRecord{ID: c.ID, ParentID: c.ParentID, Name: c.Name})
		c.ID = id
		if err != nil || !moved {
			return err
		}
		// the products below a moved category have other ancestors now, and the search filters by them
		return data.RefreshCategoryTagsTx(ctx, tx, descendants(cats, c.ID))
	})
	if err != nil {
		return c, err
	}
	cats, err = s.Categories(ctx)
	for _, x := range cats {
		if x.ID == c.ID {
			return x, err
		}
	}
	return c, err
}

// DeleteCategory deletes a category that has no child categories and no products.
func (s *Service) DeleteCategory(ctx context.Context, id int64) error {
	return s.write(ctx, "카테고리를", func(tx *data.Tx) error {
		children, products, err := data.CategoryUsage(ctx, tx, id)
		if err != nil {
			return err
		}
		if children > 0 || products > 0 {
			return conflict("하위 카테고리 {{.Children}}개, 상품 {{.Products}}개가 있어 삭제할 수 없습니다. 먼저 옮기거나 삭제하세요.",
				"Children", children, "Products", products)
		}
		return data.DeleteCategoryTx(ctx, tx, id)
	})
}

// Suppliers returns the suppliers by name.
func (s *Service) Suppliers(ctx context.Context) ([]Supplier, error) {
	recs, err := data.Suppliers(ctx, s.store.Read())
	if err != nil {
		return nil, internal(err, "공급업체를 읽지 못했습니다.")
	}
	out := make([]Supplier, len(recs))
	for i, r := range recs {
		out[i] = Supplier(r)
	}
	return out, nil
}

// ValidateSupplier checks a supplier and returns it as it will be stored.
func ValidateSupplier(sup Supplier) (Supplier, error) {
	problems := map[string]string{}
	sup.Name = strings.TrimSpace(sup.Name)
	sup.ContactPerson = strings.TrimSpace(sup.ContactPerson)
	sup.Address = strings.TrimSpace(sup.Address)
	if sup.Name == "" {
		problems["name"] = "업체명을 입력하세요."
	} else if utf8.RuneCountInString(sup.Name) > 50 {
		problems["name"] = "업체명은 50자 이내로 입력하세요."
	}
	if p := strings.TrimSpace(sup.Phone); p != "" {
		if n, err := validate.Phone(p); err != nil {
			problems["phone"] = err.Error()
		} else {
			sup.Phone = n
		}
	}
	if e := strings.TrimSpace(sup.Email); e != "" {
		if n, err := validate.Email(e); err != nil {
			problems["email"] = err.Error()
		} else {
			sup.Email = n
		}
	}
	if sup.LeadTimeDays < 0 || sup.LeadTimeDays > 365 {
		problems["lead_time"] = "리드타임은 0일에서 365일 사이로 입력하세요."
	}
	if len(problems) > 0 {
		return sup, apperr.Invalid(problems, []string{"name", "phone", "email", "lead_time"})
	}
	return sup, nil
}

// SaveSupplier validates and creates (ID 0) or updates a supplier.
func (s *Service) SaveSupplier(ctx context.Context, sup Supplier) (Supplier, error) {
	sup, err := ValidateSupplier(sup)
	if err != nil {
		return sup, err
	}
	err = s.write(ctx, "공급업체를", func(tx *data.Tx) error {
		if other, err := data.SupplierIDByName(ctx, tx, sup.Name, sup.ID); err != nil {
			return err
		} else if other != 0 {
			return invalidField("name", "'{{.Name}}' 공급업체가 이미 있습니다.", "Name", sup.Name)
		}
		id, err := data.SaveSupplierTx(ctx, tx, data.SupplierRecord(sup))
		sup.ID = id
		return err
	})
	return sup, err
}

// DeleteSupplier deletes a supplier no product names.
func (s *Service) DeleteSupplier(ctx context.Context, id int64) error {
	return s.write(ctx, "공급업체를", func(tx *data.Tx) error {
		n, err := data.SupplierUsage(ctx, tx, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return conflict("이 공급업체를 쓰는 상품이나 발주서가 {{.N}}건 있어 삭제할 수 없습니다. 상품의 공급업체를 먼저 바꾸세요(발주서 기록은 보관됩니다).", "N", n)
		}
		return data.DeleteSupplierTx(ctx, tx, id)
	})
}
