package mail

import (
	"bytes"
	"fmt"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// inFolder reports whether a folder holds a message with this Message-ID.
func inFolder(cl *imapclient.Client, folder, msgID string) (bool, error) {
	if _, err := cl.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return false, fmt.Errorf("mail: select %s: %w", folder, err)
	}
	res, err := cl.UIDSearch(&imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "Message-Id", Value: msgID}}}, nil).Wait()
	if err != nil {
		return false, fmt.Errorf("mail: search %s: %w", folder, err)
	}
	return len(res.AllUIDs()) > 0, nil
}

// appendTo files a sent message in a folder, marked read.
func appendTo(cl *imapclient.Client, folder string, raw []byte) error {
	cmd := cl.Append(folder, int64(len(raw)), &imap.AppendOptions{Flags: []imap.Flag{imap.FlagSeen}})
	if _, err := bytes.NewReader(raw).WriteTo(cmd); err != nil {
		cmd.Close()
		return fmt.Errorf("mail: append to %s: %w", folder, err)
	}
	if err := cmd.Close(); err != nil {
		return fmt.Errorf("mail: append to %s: %w", folder, err)
	}
	if _, err := cmd.Wait(); err != nil {
		return fmt.Errorf("mail: append to %s: %w", folder, err)
	}
	return nil
}
