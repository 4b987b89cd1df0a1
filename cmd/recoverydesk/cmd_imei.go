package main

import (
	"encoding/json"
	"errors"
	"fmt"

	"recoverydesk/casefile"
)

// imeiReport is one line of "imei --json".
type imeiReport struct {
	Input      string `json:"input"`
	Valid      bool   `json:"valid"`
	IMEI       string `json:"imei"`
	TAC        string `json:"tac"`
	Kind       string `json:"kind"`
	Error      string `json:"error"`
	Code       string `json:"code,omitempty"`
	Suggestion string `json:"suggestion"`
}

func cmdIMEI(c *cli, args []string) int {
	fs := c.flags("imei")
	asJSON := fs.Bool("json", false, "one JSON object per line")
	nums, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	if len(nums) == 0 {
		fs.Usage()
		return exitUsage
	}
	exit := exitOK
	enc := json.NewEncoder(c.stdout)
	for _, n := range nums {
		r := imeiReport{Input: n}
		im, err := casefile.ParseIMEI(n)
		if err == nil {
			r.Valid, r.IMEI, r.TAC, r.Kind = true, im.Digits, im.TAC(), string(im.Kind)
		} else {
			exit = exitRefused
			var ie *casefile.IMEIError
			errors.As(err, &ie)
			r.Error, r.Code, r.Suggestion = ie.Message, ie.Code, ie.Suggestion
		}
		switch {
		case *asJSON:
			enc.Encode(r)
		case r.Valid && r.Kind == string(casefile.KindIMEISV):
			fmt.Fprintf(c.stdout, "%s\tvalid IMEISV (software version %s); IMEI %s, TAC %s\n", n, im.SV, r.IMEI, r.TAC)
		case r.Valid:
			fmt.Fprintf(c.stdout, "%s\tvalid IMEI %s, TAC %s\n", n, im.Grouped(), r.TAC)
		default:
			fmt.Fprintf(c.stdout, "%s\tINVALID: %s\n", n, r.Error)
		}
	}
	return exit
}
