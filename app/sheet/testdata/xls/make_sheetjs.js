// Writes .xls fixtures of app/sheet's tests with SheetJS (npm "xlsx" 0.18.5), a second BIFF8 writer
// independent of SellerDesk and of xlwt:
//   npm install xlsx@0.18.5 && node make_sheetjs.js
// Header sets are the 한진, 롯데 and 우체국 layouts as public seller tools write them (see courier_test.go).
const XLSX = require("xlsx");
function save(name, sheet, rows) {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
  XLSX.writeFile(wb, name, { bookType: "biff8" });
}
save("courier_hanjin.xls", "Sheet1", [
  ["받으시는 분", "받으시는 분 전화", "받는분담당자(선택)", "받는분핸드폰(선택)", "받는분우편번호(선택)", "받는분총주소",
   "보내시는 분", "보내시는 분 전화", "수량", "품목명", "운임Type", "지불조건", "출고번호", "운송장번호"],
  ["정하늘", "02-555-0101", "", "010-3333-4444", "04524", "서울 중구 세종대로 110", "셀러데스크", "02-000-0000", 1, "머그컵", "", "선불", "A-1", "420012345678"],
  ["한 가 람", "", "", "0505-111-2222", "34126", "대전 유성구 대학로 99", "셀러데스크", "02-000-0000", 2, "접시", "", "선불", "A-2", 420012345679],
]);
save("courier_lotte.xls", "출고내역", [
  ["집하일자", "운송장번호", "주문번호", "수하인명", "수하인전화번호", "수하인주소", "품목명"],
  ["2026-11-24", "2345-6789-0123", "2026112490000001", "윤서아", "010-5555-6666", "인천 연수구 송도동 1", "티셔츠"],
]);
save("courier_epost.xls", "접수내역", [
  ["등기번호", "수취인명", "수취인 우편번호", "수취인 주소", "수취인 전화번호", "수취인 이동통신", "상품명", "배송메세지"],
  ["6012345678901", "장민호", "63309", "제주 제주시 첨단로 3", "064-700-0000", "010-7777-8888", "감귤 5kg", "부재 시 문 앞"],
]);
