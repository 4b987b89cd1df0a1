package main

import (
	"fmt"
	"math/rand/v2"
	"sort"

	"recoverydesk/casefile"
	"recoverydesk/casefile/evidence"
	"recoverydesk/casefile/sample"
)

func cmdDemo(c *cli, args []string) int {
	fs := c.flags("demo")
	n := fs.Int("cases", 60, "how many sample cases")
	photos := fs.Int("photos", 40, "how many of them get sample photos (box label, *#06# screen, receipt)")
	seed := fs.Uint64("seed", uint64(c.now().UnixNano()), "random seed, for a repeatable demo")
	pos, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 || *n < 1 || *photos < 0 {
		fs.Usage()
		return exitUsage
	}
	c.create = true // the demo command exists to make a database
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(*seed, 42))
	now := c.now()
	all := make([]*casefile.Case, *n)
	for i := range all {
		all[i] = sample.Case(r, now)
	}
	// Numbered in the order they were opened, as real cases are.
	sort.Slice(all, func(i, j int) bool { return all[i].CreatedAt.Before(all[j].CreatedAt) })
	const batch = 2000
	for done := 0; done < *n; {
		size := min(batch, *n-done)
		cases := all[done : done+size]
		for i := range cases {
			// The newest cases get photos: they are the ones a demo opens first.
			if *n-(done+i) <= *photos {
				if err := addSamplePhotos(cases[i]); err != nil {
					return c.fail("sample photos: %v", err)
				}
			}
		}
		if err := s.SeedCases(c.ctx, cases); err != nil {
			return c.fail("%v", err)
		}
		done += size
		if *n > batch {
			fmt.Fprintf(c.stderr, "\r%d of %d cases", done, *n)
		}
	}
	if *n > batch {
		fmt.Fprintln(c.stderr)
	}
	fmt.Fprintf(c.stdout, "added %d sample cases to %s\n", *n, redacted(c.db))
	return exitOK
}

func addSamplePhotos(k *casefile.Case) error {
	kinds := []casefile.AttachmentKind{casefile.AttachBox, casefile.AttachIMEIScreen}
	if k.Purchase.Channel != casefile.ChannelSecondHand && k.Purchase.Channel != casefile.ChannelGift {
		kinds = append(kinds, casefile.AttachReceipt)
	}
	for _, kind := range kinds {
		a, err := evidence.Prepare(kind, string(kind)+".jpg", sample.Photo(kind, k, 1200, 900))
		if err != nil {
			return err
		}
		k.Attachments = append(k.Attachments, a)
	}
	return nil
}
