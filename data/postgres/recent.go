package postgres

import (
	"context"
	"database/sql"
	"math"
	"strconv"

	"recoverydesk/casefile"
)

// blockCases is how many case ids one key of the search index's first column spans
// (case_id / blockCases, migration 0008). The trigram index cannot return rows in any order: it
// builds the set of every candidate before the first row, 10–27 ms for a name that 0.2–17 % of
// a million cases carry, and a person typing wants only the newest 200 and whether there are
// more than 1,000. With the block beside the trigrams, the index reads the trigrams of the
// newest blocks alone, and the search widens block by block only as far as its matches call for.
const blockCases = 4096

// firstReach is how many of the newest cases the first step reads. Its matches tell how common
// the term is, and so how far the next step must reach.
const firstReach = 8192

// ordered finds, newest first (or oldest first with oldest), the first limit matches of a
// typed search and how many match up to countLimit+1, in tx: one read-only snapshot, so that
// the count and the page agree. Each step asks for every match among the cases from the newest back
// to a block boundary; the next step reaches as far back as the matches found so far say the
// missing ones lie, with a margin, and once that is a good part of what is left, one last question
// reads the rest: every match if the page is not yet full, else only a count of the rest that
// stops when the total passes countLimit.
func (s *Store) ordered(ctx context.Context, tx *sql.Tx, q casefile.Query, oldest bool, limit, countLimit int) (ids []int64, matched int, err error) {
	count, err := s.gramCounts(ctx)
	if err != nil {
		return nil, 0, err
	}
	cond, args := rarestWhere(q, count)
	// The ends of the cases this person may see (two steps of the primary key): a step's reach
	// is counted from one, and the other tells when what is left is small.
	var first, final sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT min(c.case_id), max(c.case_id) FROM case_search c`).Scan(&first, &final); err != nil {
		return nil, 0, err
	}
	if !final.Valid {
		return nil, 0, nil
	}
	if err := holdPlanner(ctx, tx); err != nil {
		return nil, 0, err
	}
	from, to := final.Int64, first.Int64 // the search walks from from towards to
	if oldest {
		from, to = to, from
	}
	reach := int64(firstReach)
	var aside bool // whether this step's count of the rest is asked beside it
	for {
		// The step reads the cases within reach of from, out to a whole block; the rest lies
		// between that block and to.
		var blk, reached, rest int64
		if oldest {
			blk = (from + reach - 1) / blockCases
			reached, rest = (blk+1)*blockCases-from, to-(blk+1)*blockCases+1
		} else {
			blk = max(0, from-reach+1) / blockCases
			reached, rest = from-blk*blockCases+1, blk*blockCases-to
		}
		last := rest <= 0
		var beside *countAside
		if aside && !last {
			beside = s.countBeside(ctx, cond, args, blk, oldest, countLimit+1)
		}
		ids, err = s.stepIDs(ctx, tx, cond, args, blk, oldest, last, countLimit+1)
		if beside != nil {
			if err == nil && len(ids) >= limit && len(ids) <= countLimit {
				if n, ok, err := beside.result(); ok {
					return ids, min(len(ids)+n, countLimit+1), err
				}
			} else {
				beside.cancel()
			}
		}
		if err != nil || len(ids) > countLimit || last {
			return ids, len(ids), err
		}
		// How common the term is among the cases read, and so how far the missing matches lie:
		// the page's first, then the count's. A step that found none counts half a match, so
		// that a rare term goes to the last step at once.
		rate := math.Max(float64(len(ids)), 0.5) / float64(reached)
		missing := countLimit + 1 - len(ids)
		if len(ids) < limit {
			missing = limit - len(ids)
		}
		// A step re-reads what the steps before it read, and the index's set for a block
		// range costs about as much per case as the whole index's does: past a quarter of
		// what is left, a count of the rest that stops at the limit costs less.
		if further := int64(1.3 * float64(missing) / rate); further < rest/4 {
			reach = reached + further
			// A step that should fill the page and leave the count short of the limit, with
			// the count's own step past a quarter of what will be left, is followed by a count
			// of the rest: that count is asked beside the step, on a second connection, so the
			// two run at once on a server with more than one core.
			expected := float64(len(ids)) + rate*float64(further)
			after := int64(1.3 * (float64(countLimit+1) - expected) / rate)
			aside = len(ids) < limit && expected >= float64(limit) && expected <= float64(countLimit) && after >= (rest-further)/4
			continue
		}
		if len(ids) < limit {
			// The page is not full: every match of the rest is wanted, in order.
			ids, err = s.stepIDs(ctx, tx, cond, args, 0, oldest, true, countLimit+1)
			return ids, len(ids), err
		}
		n, err := s.countBeyond(ctx, tx, cond, args, blk, oldest, countLimit+1-len(ids))
		return ids, len(ids) + n, err
	}
}

// countAside is a count of the rest asked beside a step, on a connection of its own.
type countAside struct {
	cancel  context.CancelFunc
	started chan struct{} // closed once the count holds its connection
	done    chan struct{}
	n       int
	err     error
}

// countBeside starts countBeyond on a connection of its own, in a read-only transaction with
// the planner held as in ordered's. It sees its own snapshot, taken a moment after the steps'
// one, as the list's count beside its page does on the other engine.
func (s *Store) countBeside(ctx context.Context, cond string, args []any, blk int64, oldest bool, limit int) *countAside {
	ctx, cancel := context.WithCancel(ctx)
	c := &countAside{cancel: cancel, started: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(c.done)
		tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
		if err != nil {
			c.err = err
			return
		}
		close(c.started)
		defer tx.Rollback()
		if c.err = holdPlanner(ctx, tx); c.err != nil {
			return
		}
		if c.n, c.err = s.countBeyond(ctx, tx, cond, args, blk, oldest, limit); c.err == nil {
			c.err = tx.Commit()
		}
	}()
	return c
}

// result waits for the count if it got a connection and says so; one still waiting for a
// connection (every one of the pool's held by searches waiting for theirs) is called off, and
// the step's own transaction counts instead, so that searches never wait on each other.
func (c *countAside) result() (int, bool, error) {
	defer c.cancel()
	select {
	case <-c.started:
		<-c.done
		return c.n, true, c.err
	default:
		// Called off before it held a connection, or in the moment it took one: either way
		// its answer is not waited for, and its connection goes back as it stops.
		return 0, false, nil
	}
}

// holdPlanner keeps the planner, for the rest of tx, to the indexes' sets: it prices LIKE far
// below its cost and would scan the table, or walk the primary key to its end, for a term it
// thinks common, where every question of ordered is bounded by what the index says. A plan
// over the line where PostgreSQL compiles it would cost more in compiling than it saves.
func holdPlanner(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true),
		set_config('jit', 'off', true)`)
	return err
}

// stepIDs lists, in the search's order, the ids of the matches from the end the search starts
// at to block blk (every match with all), at most limit of them. The block is said twice: to
// the trigram index as its first column, so that it reads the trigrams of those blocks alone,
// and to the primary key, so that any plan the planner picks stays within them.
func (s *Store) stepIDs(ctx context.Context, tx *sql.Tx, cond string, args []any, blk int64, oldest, all bool, limit int) ([]int64, error) {
	q := `SELECT c.case_id FROM case_search c` + cond
	if !all {
		and := " AND "
		if cond == "" {
			and = " WHERE "
		}
		b := strconv.FormatInt(blk, 10)
		if oldest {
			q += and + `(c.case_id / ` + strconv.Itoa(blockCases) + `) <= ` + b + `::bigint AND c.case_id < ` + strconv.FormatInt((blk+1)*blockCases, 10)
		} else {
			q += and + `(c.case_id / ` + strconv.Itoa(blockCases) + `) >= ` + b + `::bigint AND c.case_id >= ` + strconv.FormatInt(blk*blockCases, 10)
		}
	}
	if oldest {
		q += ` ORDER BY c.case_id`
	} else {
		q += ` ORDER BY c.case_id DESC`
	}
	q += ` LIMIT ` + strconv.Itoa(limit)
	rows, err := tx.QueryContext(ctx, numbered(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// countBeyond counts, up to limit, the matches past block blk that the steps did not read. Only
// the trigram index answers it (a walk of the primary key would read every case up to the
// limit's last match), in the table's order, stopping at the limit.
func (s *Store) countBeyond(ctx context.Context, tx *sql.Tx, cond string, args []any, blk int64, oldest bool, limit int) (int, error) {
	and := " AND "
	if cond == "" {
		and = " WHERE "
	}
	bound := `c.case_id < ` + strconv.FormatInt(blk*blockCases, 10)
	if oldest {
		bound = `c.case_id >= ` + strconv.FormatInt((blk+1)*blockCases, 10)
	}
	var n int
	err := tx.QueryRowContext(ctx, numbered(`SELECT count(*) FROM (SELECT 1 FROM case_search c`+cond+and+bound+` LIMIT `+strconv.Itoa(limit)+`) counted`), args...).Scan(&n)
	return n, err
}
