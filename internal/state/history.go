package state

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

// RunRecord is one row of the run history.
type RunRecord struct {
	ID        string    `json:"run_id"`
	Job       string    `json:"job,omitempty"`
	Started   time.Time `json:"started"`
	Ended     time.Time `json:"ended"`
	Dir       string    `json:"dir,omitempty"`
	Inputs    int       `json:"inputs"`
	New       int       `json:"new"`
	Changed   int       `json:"changed"`
	Unchanged int       `json:"unchanged"`
	Failed    int       `json:"failed"`
	Documents int       `json:"documents"`
	Outputs   []string  `json:"outputs"`
	Status    string    `json:"status"`
	Error     string    `json:"error,omitempty"`
}

// Runs returns the newest runs first; limit <= 0 returns all.
func (s *Store) Runs(ctx context.Context, limit int) ([]RunRecord, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT run_id, job, started, ended, dir, inputs, new, changed, unchanged, failed, documents, outputs, status, error
		FROM runs ORDER BY started DESC, seq DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("state: %s: %w", s.path, err)
	}
	defer rows.Close()
	var out []RunRecord
	for rows.Next() {
		var r RunRecord
		var started, ended int64
		var outputs string
		if err := rows.Scan(&r.ID, &r.Job, &started, &ended, &r.Dir, &r.Inputs, &r.New, &r.Changed, &r.Unchanged, &r.Failed, &r.Documents, &outputs, &r.Status, &r.Error); err != nil {
			return nil, fmt.Errorf("state: %s: %w", s.path, err)
		}
		r.Started, r.Ended = time.Unix(0, started).UTC(), time.Unix(0, ended).UTC()
		if err := json.Unmarshal([]byte(outputs), &r.Outputs); err != nil || r.Outputs == nil {
			r.Outputs = []string{}
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("state: %s: %w", s.path, err)
	}
	return out, nil
}

// WriteHistory prints runs as an aligned table, or as a JSON array when
// asJSON is set (an empty history is "[]").
func WriteHistory(w io.Writer, runs []RunRecord, asJSON bool) error {
	if asJSON {
		if runs == nil {
			runs = []RunRecord{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(runs)
	}
	if len(runs) == 0 {
		_, err := fmt.Fprintln(w, "no runs recorded yet")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STARTED (UTC)\tDURATION\tRUN\tJOB\tINPUTS\tNEW\tCHANGED\tUNCHANGED\tFAILED\tDOCS\tOUTPUTS\tSTATUS")
	for _, r := range runs {
		job := r.Job
		if job == "" {
			job = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n",
			r.Started.UTC().Format("2006-01-02 15:04:05"), r.Ended.Sub(r.Started).Round(time.Millisecond),
			r.ID, job, r.Inputs, r.New, r.Changed, r.Unchanged, r.Failed, r.Documents, len(r.Outputs), r.Status)
	}
	return tw.Flush()
}
