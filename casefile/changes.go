package casefile

import (
	"encoding/json"
	"slices"
	"strings"
)

// ChangedFields names the form fields that differ between two versions of a case, by their JSON
// paths, for the history ("changed: device.imei1, verification.imei_matches_box"). The number,
// status, branch and files have histories of their own. A declaration's time (…_at) changes
// with the declaration and is not named. A tick's source (…_ticked_from) is named as the tick:
// a technician who sets by hand a tick the form had made from a barcode makes it theirs, and
// the history says who and when.
func ChangedFields(a, b *Case) []string {
	var am, bm map[string]any
	json.Unmarshal(formJSON(a), &am)
	json.Unmarshal(formJSON(b), &bm)
	var out []string
	diffMaps("", am, bm, &out)
	slices.Sort(out) // a tick and its source name the same field: once
	return slices.Compact(out)
}

// tickOf names the tick each tick source belongs to.
var tickOf = map[string]string{"box_ticked_from": "imei_matches_box", "receipt_ticked_from": "imei_matches_receipt"}

// formJSON is a case's form as JSON, without what is not typed into it.
func formJSON(c *Case) []byte {
	f := *c
	f.Number, f.Status, f.Branch, f.Attachments = "", "", "", nil
	out, _ := json.Marshal(&f)
	return out
}

func diffMaps(prefix string, a, b map[string]any, out *[]string) {
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	slices.Sort(sorted)
	for _, k := range sorted {
		if strings.HasSuffix(k, "_at") {
			continue
		}
		am, aok := a[k].(map[string]any)
		bm, bok := b[k].(map[string]any)
		if aok && bok {
			diffMaps(prefix+k+".", am, bm, out)
			continue
		}
		ja, _ := json.Marshal(a[k])
		jb, _ := json.Marshal(b[k])
		if string(ja) != string(jb) {
			name := k
			if tick, ok := tickOf[k]; ok {
				name = tick
			}
			*out = append(*out, prefix+name)
		}
	}
}
