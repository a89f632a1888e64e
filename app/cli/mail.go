package cli

import (
	"context"
	"fmt"

	"sellerdesk/app/format"
	"sellerdesk/app/mail"
)

func init() {
	addCommands(
		&command{name: "mail send-queue", about: "보관함에서 기다리는 메일을 보냅니다 (예약 작업용; 비밀번호는 키체인에서 읽음)", run: mailSendQueue},
		&command{name: "mail fetch", about: "받은편지함의 새 메일을 가져옵니다 (수신거부 회신은 광고 수신 동의를 철회)", run: mailFetch},
	)
}

// mailSendQueue sends what waits in the outbox and prints a summary. Without a password in the keyring it
// fails (exit 1) with a Korean sentence and leaves the queue as it was.
func mailSendQueue(ctx context.Context, c *call) error {
	svc := c.desk.Customers()
	rep, err := svc.SendQueue(ctx, "cli", func(r mail.Report) {
		if c.progress != nil && r.Sent+r.Failed+r.Waiting > 0 {
			c.progress(float64(r.Sent+r.Failed) / float64(r.Sent+r.Failed+r.Waiting+1))
		}
	})
	if counts, cerr := svc.OutboxCounts(ctx); cerr == nil {
		rep.Waiting = counts["QUEUED"]
	}
	printSendReport(c, rep)
	return err
}

func printSendReport(c *call, rep mail.Report) {
	fmt.Fprintf(c.out, "보냄 %s통, 실패 %s통, 다시 시도 예정 %s통, 확인 필요 %s통, 남은 메일 %s통\n",
		format.Number(int64(rep.Sent+rep.Recovered)), format.Number(int64(rep.Failed)), format.Number(int64(rep.Retried+rep.Requeued)),
		format.Number(int64(rep.Checked)), format.Number(int64(rep.Waiting)))
}

func mailFetch(ctx context.Context, c *call) error {
	rep, err := c.desk.Customers().FetchMail(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "새 메일 %s통을 가져왔습니다.\n", format.Number(int64(rep.New)))
	if rep.Refetched {
		fmt.Fprintln(c.out, "서버의 받은편지함이 새로 만들어져(UIDVALIDITY 변경) 처음부터 다시 읽었습니다.")
	}
	for _, n := range rep.Withdrawn {
		fmt.Fprintf(c.out, "수신거부: %s 고객의 광고 수신 동의를 철회하고 확인 메일을 보낼 준비를 했습니다.\n", n)
	}
	return nil
}
