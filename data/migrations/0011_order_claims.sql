-- 0011: claims on order lines, and how new a line's state is.
-- A line with a claim in progress keeps its 주문상태 (결제완료, 배송완료 …) while Smart Store's 클레임상태 /
-- 주문세부상태 say 취소요청, 반품요청 or 교환요청; the claim is stored beside the status as Smart Store's code
-- (CANCEL_REQUEST, RETURN_DONE, EXCHANGE_REJECT …; '' for none) with its reason and the day it was asked.
-- state_at is the newest of the file's own dates behind the line's status and claim (결제일, 발송처리일,
-- 배송완료일, 구매확정일, the claim's day): an import decides by these, not by which file came last.
ALTER TABLE order_lines ADD COLUMN claim TEXT NOT NULL DEFAULT '';
ALTER TABLE order_lines ADD COLUMN claim_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE order_lines ADD COLUMN claim_at TEXT NOT NULL DEFAULT '';
ALTER TABLE order_lines ADD COLUMN state_at TEXT NOT NULL DEFAULT '';
-- the list's claim filters (취소요청 …) and the courier and dispatch files' exclusions read few lines
CREATE INDEX order_lines_claim ON order_lines (claim, ordered_at) WHERE claim <> '';
