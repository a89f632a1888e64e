package catalog

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sellerdesk/data"
)

// FillDemo fills an empty catalog with a small shop's realistic range inside the demo transaction:
// a two-level category tree, suppliers, products with combination, single and no options, initial stock
// as 입고 movements, and a few options under their safety stock.
func FillDemo(ctx context.Context, tx *data.Tx, rng *rand.Rand) error {
	cats := map[string]int64{}
	for _, c := range []struct{ parent, name string }{
		{"", "의류"}, {"의류", "상의"}, {"의류", "하의"}, {"의류", "아우터"},
		{"", "잡화"}, {"잡화", "가방"}, {"잡화", "모자"}, {"잡화", "양말"},
		{"", "리빙"}, {"리빙", "컵·텀블러"}, {"리빙", "수건"},
	} {
		id, err := data.SaveCategoryTx(ctx, tx, data.CategoryRecord{ParentID: cats[c.parent], Name: c.name})
		if err != nil {
			return err
		}
		cats[c.name] = id
	}
	sups := map[string]int64{}
	for _, s := range []data.SupplierRecord{
		{Name: "동대문 한빛섬유", ContactPerson: "박지성 과장", Phone: "02-2233-4455", Email: "order@hanbit-textile.co.kr", Address: "서울특별시 중구 마장로 22", LeadTimeDays: 3},
		{Name: "성수 가죽공방", ContactPerson: "이서윤 실장", Phone: "010-2345-6789", Email: "leather@seongsu.kr", Address: "서울특별시 성동구 연무장길 41", LeadTimeDays: 7},
		{Name: "이천 도예마을", ContactPerson: "최도윤 대표", Phone: "031-634-1122", Email: "pottery@icheon.kr", Address: "경기도 이천시 신둔면 도자예술로 5", LeadTimeDays: 10},
		{Name: "송월 타올", ContactPerson: "김하늘 대리", Phone: "051-866-7788", Email: "towel@songwol.kr", Address: "부산광역시 동구 중앙대로 180", LeadTimeDays: 4},
	} {
		id, err := data.SaveSupplierTx(ctx, tx, s)
		if err != nil {
			return err
		}
		sups[s.Name] = id
	}
	colors := []string{"화이트", "블랙", "네이비", "베이지", "차콜"}
	sizes := []string{"S", "M", "L", "XL"}
	type item struct {
		name, cat, sup string
		price, cost    int64
		weight         int64
		kind           OptionKind
		groups         []OptionGroup
	}
	var items []item
	for _, n := range []string{"오버핏 코튼 티셔츠", "쿨링 반팔 티셔츠", "헤비웨이트 긴팔 티셔츠", "린넨 오픈카라 셔츠", "스트라이프 셔츠", "라운드 니트", "꽈배기 가디건"} {
		items = append(items, item{n, "상의", "동대문 한빛섬유", 19800 + int64(rng.IntN(6))*5000, 7000 + int64(rng.IntN(5))*1000, 250,
			OptionsCombination, []OptionGroup{{"색상", colors[:3+rng.IntN(3)]}, {"사이즈", sizes}}})
	}
	for _, n := range []string{"와이드 데님 팬츠", "코튼 치노 팬츠", "밴딩 슬랙스", "트레이닝 조거 팬츠"} {
		items = append(items, item{n, "하의", "동대문 한빛섬유", 32000 + int64(rng.IntN(5))*4000, 12000, 450,
			OptionsCombination, []OptionGroup{{"색상", colors[1:4]}, {"사이즈", sizes}}})
	}
	for _, n := range []string{"경량 패딩 점퍼", "울 블렌드 코트", "후드 집업"} {
		items = append(items, item{n, "아우터", "동대문 한빛섬유", 59000 + int64(rng.IntN(8))*10000, 25000, 800,
			OptionsCombination, []OptionGroup{{"색상", colors[1:3]}, {"사이즈", sizes[1:]}}})
	}
	for _, n := range []string{"캔버스 에코백", "소가죽 크로스백", "미니 숄더백", "레더 카드지갑"} {
		items = append(items, item{n, "가방", "성수 가죽공방", 24000 + int64(rng.IntN(10))*6000, 11000, 400,
			OptionsSingle, []OptionGroup{{"색상", []string{"블랙", "카멜", "아이보리"}}}})
	}
	for _, n := range []string{"워싱 볼캡", "코듀로이 버킷햇", "니트 비니"} {
		items = append(items, item{n, "모자", "동대문 한빛섬유", 15800 + int64(rng.IntN(4))*2000, 5000, 120,
			OptionsSingle, []OptionGroup{{"색상", colors[:4]}}})
	}
	for _, n := range []string{"무지 양말 5종 세트", "골지 장목 양말", "덧신 3켤레 세트"} {
		items = append(items, item{n, "양말", "동대문 한빛섬유", 8900 + int64(rng.IntN(3))*1000, 3000, 100, OptionsNone, nil})
	}
	for _, n := range []string{"핸드메이드 머그컵", "분청 찻잔 세트", "스테인리스 텀블러 500ml"} {
		items = append(items, item{n, "컵·텀블러", "이천 도예마을", 18000 + int64(rng.IntN(6))*4000, 8000, 420, OptionsNone, nil})
	}
	for _, n := range []string{"호텔 타월 40수", "세면 타월 5장 세트", "비치 타월"} {
		items = append(items, item{n, "수건", "송월 타올", 12900 + int64(rng.IntN(4))*3000, 4500, 300,
			OptionsSingle, []OptionGroup{{"색상", []string{"화이트", "그레이", "네이비"}}}})
	}
	for i, it := range items {
		p := Product{Code: fmt.Sprintf("HR-%04d", i+1), Name: it.name, CategoryID: cats[it.cat], SupplierID: sups[it.sup],
			Price: it.price, Cost: it.cost, Status: StatusSale, TaxType: Taxable, WeightGrams: it.weight, OriginCode: "00",
			OptionKind: it.kind, OptionGroups: it.groups,
			Detail: it.name + "입니다. 하루공방이 직접 고르고 검수해 보내 드립니다."}
		if it.cat == "컵·텀블러" {
			p.HSCode, p.OriginCode = "6912.00", "00"
		} else if it.cat == "상의" || it.cat == "하의" {
			p.HSCode = "6109.10"
		}
		p.Options = CombineOptions(it.kind, it.groups, nil)
		for j := range p.Options {
			o := &p.Options[j]
			o.SafetyStock = 3
			o.Stock = 4 + int64(rng.IntN(36))
			if rng.IntN(25) == 0 {
				o.Stock = int64(rng.IntN(3)) // a few options run low
			}
			if it.kind != OptionsNone {
				o.Code = fmt.Sprintf("%s-%02d", p.Code, j+1)
			}
		}
		if _, err := saveProductTx(ctx, tx, p, "데모 초기 재고", ReasonReceive, "demo"); err != nil {
			return fmt.Errorf("demo product %s: %w", p.Code, err)
		}
	}
	return nil
}
