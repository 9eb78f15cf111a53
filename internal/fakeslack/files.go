package fakeslack

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// File is one file shared by the three-step upload
// (files.getUploadURLExternal, the upload, files.completeUploadExternal).
type File struct {
	ID      string
	Channel string
	Name    string
	Title   string
	Content []byte
}

// fileStore holds uploads in their three steps; guarded by API.mu.
type fileStore struct {
	seq     int
	pending map[string]*File // by file id, until completed
	shared  map[string][]File
}

// HandleFiles serves the three-step upload on mux under prefix (the API
// base path: "/api/" in Handler), so another fake can share it.
func (a *API) HandleFiles(mux *http.ServeMux, prefix string) {
	mux.HandleFunc(prefix+"files.getUploadURLExternal", a.uploadURL)
	mux.HandleFunc(prefix+"upload/", a.upload)
	mux.HandleFunc(prefix+"files.completeUploadExternal", a.completeUpload)
}

func (a *API) uploadURL(w http.ResponseWriter, r *http.Request) {
	if a.limited(w, "files.getUploadURLExternal") {
		return
	}
	_ = r.ParseForm()
	if r.Form.Get("filename") == "" || r.Form.Get("length") == "" {
		reply(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	a.mu.Lock()
	a.files.seq++
	id := fmt.Sprintf("F%06d", a.files.seq)
	if a.files.pending == nil {
		a.files.pending = make(map[string]*File)
	}
	a.files.pending[id] = &File{ID: id, Name: r.Form.Get("filename")}
	a.mu.Unlock()
	base := strings.TrimSuffix(r.URL.Path, "files.getUploadURLExternal")
	reply(w, map[string]any{"ok": true, "file_id": id, "upload_url": "http://" + r.Host + base + "upload/" + id})
}

func (a *API) upload(w http.ResponseWriter, r *http.Request) {
	_, id, _ := strings.Cut(r.URL.Path, "/upload/")
	f, _, err := r.FormFile("file")
	if err != nil {
		http.Error(w, "no file", http.StatusBadRequest)
		return
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, "unreadable", http.StatusBadRequest)
		return
	}
	a.mu.Lock()
	p := a.files.pending[id]
	if p != nil {
		p.Content = b
	}
	a.mu.Unlock()
	if p == nil {
		http.Error(w, "no such upload", http.StatusNotFound)
		return
	}
	_, _ = io.WriteString(w, "OK - "+fmt.Sprint(len(b)))
}

func (a *API) completeUpload(w http.ResponseWriter, r *http.Request) {
	if a.limited(w, "files.completeUploadExternal") {
		return
	}
	_ = r.ParseForm()
	var files []struct{ ID, Title string }
	if err := json.Unmarshal([]byte(r.Form.Get("files")), &files); err != nil || len(files) == 0 {
		reply(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	ch := r.Form.Get("channel_id")
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []map[string]any
	for _, f := range files {
		p := a.files.pending[f.ID]
		if p == nil || p.Content == nil {
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(map[string]any{"ok": false, "error": "file_not_found"})
			return
		}
		delete(a.files.pending, f.ID)
		p.Channel, p.Title = ch, f.Title
		if a.files.shared == nil {
			a.files.shared = make(map[string][]File)
		}
		a.files.shared[ch] = append(a.files.shared[ch], *p)
		out = append(out, map[string]any{"id": p.ID, "title": p.Title})
	}
	reply(w, map[string]any{"ok": true, "files": out})
}

// Files returns the files shared in a channel, oldest first.
func (a *API) Files(channel string) []File {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]File(nil), a.files.shared[channel]...)
}
