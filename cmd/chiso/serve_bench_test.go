package main

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"
)

// BenchmarkServeCheckLoad is the load test: 64 clients POST the Lạng Sơn
// article to /api/check on loopback for 10 s (2 s with -short), each
// waiting for its answer before sending the next. It reports requests per
// second, the median and p99 latency, and ns/op as the mean time per request.
func BenchmarkServeCheckLoad(b *testing.B) {
	const clients = 64
	span := 10 * time.Second
	if testing.Short() {
		span = 2 * time.Second
	}
	article := []byte(readFile(b, langson))
	srv := httptest.NewServer(newServer(slog.New(slog.NewJSONHandler(io.Discard, nil)))) // 127.0.0.1 only
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}, Timeout: 30 * time.Second}
	var total int
	var elapsed time.Duration
	var all []time.Duration
	for b.Loop() {
		lat := make([][]time.Duration, clients)
		start := time.Now()
		deadline := start.Add(span)
		var wg sync.WaitGroup
		for c := range clients {
			wg.Go(func() {
				for time.Now().Before(deadline) {
					t0 := time.Now()
					resp, err := client.Post(srv.URL+"/api/check", "text/plain; charset=utf-8", bytes.NewReader(article))
					if err != nil {
						b.Error(err)
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						b.Errorf("status %s", resp.Status)
						return
					}
					lat[c] = append(lat[c], time.Since(t0))
				}
			})
		}
		wg.Wait()
		elapsed += time.Since(start)
		for _, l := range lat {
			total += len(l)
			all = append(all, l...)
		}
	}
	if total == 0 {
		return
	}
	slices.Sort(all)
	b.ReportMetric(float64(total)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(elapsed.Nanoseconds())/float64(total), "ns/op")
}

// BenchmarkServeCheck is one POST /api/check of the Lạng Sơn article
// through the handler, without the network: the cost of a request.
func BenchmarkServeCheck(b *testing.B) {
	article := readFile(b, langson)
	h := newServer(slog.New(slog.NewJSONHandler(io.Discard, nil)))
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("POST", "/api/check", bytes.NewReader([]byte(article))))
		if w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkServePage is the page of the Lạng Sơn article, as the form
// gives it.
func BenchmarkServePage(b *testing.B) {
	article := readFile(b, langson)
	h := newServer(slog.New(slog.NewJSONHandler(io.Discard, nil)))
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		r := httptest.NewRequest("POST", "/", bytes.NewReader([]byte("text="+url.QueryEscape(article))))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}
