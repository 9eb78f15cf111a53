package handlers

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/peerbot/peerbot/internal/text"
	"github.com/peerbot/peerbot/supervision"
)

// Pending keeps a question a person may post to the peer support channel,
// on the server, while the buttons under its answer can be pressed, so a
// button carries an opaque id and never the text: a forged press cannot post
// words the asker never typed. The question is kept sealed (encrypted and
// authenticated with a key only the buttons carry), so the store never holds
// a name or anything else a person typed in readable form. *store.Redis
// satisfies it.
type Pending interface {
	// HoldQuestion keeps userID's sealed question for ttl and returns its id.
	HoldQuestion(ctx context.Context, userID, sealed string, ttl time.Duration) (string, error)
	// HeldQuestion returns the sealed question held under id and who asked
	// it; ok is false when there is none, or it has expired.
	HeldQuestion(ctx context.Context, id string) (userID, sealed string, ok bool, err error)
}

// shareHold is how long a question stays ready to post after its answer.
const shareHold = 30 * time.Minute

// shareOnce is how long a question posted to the peer support channel is
// remembered, so a double-click posts it once.
const shareOnce = time.Hour

// holdForSharing keeps q for the asker and returns the buttons that post it,
// or nil when it cannot be kept (no channel, no store, or the store is
// down): the offer is then not made.
func (h *Answers) holdForSharing(ctx context.Context, asker, q string) []Button {
	if h.peerChannel == "" || h.pending == nil || asker == "" {
		return nil
	}
	key, sealed, err := seal(asker, text.ClipBytes(q, maxShareQuestion))
	if err != nil {
		return nil
	}
	id, err := h.pending.HoldQuestion(ctx, asker, sealed, shareHold)
	if err != nil {
		return nil
	}
	ref := id + " " + key
	return []Button{
		{Label: "Ask the peer network (with my name)", Command: "share", Args: "named " + ref, Primary: true},
		{Label: "Ask anonymously", Command: "share", Args: "anon " + ref},
	}
}

// seal encrypts q with a new random key, binding it to the asker, and
// returns the key and the sealed text, both in hex.
func seal(asker, q string) (key, sealed string, err error) {
	k := make([]byte, 16)
	if _, err := rand.Read(k); err != nil {
		return "", "", err
	}
	aead, err := newAEAD(k)
	if err != nil {
		return "", "", err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", "", err
	}
	out := aead.Seal(nonce, nonce, []byte(q), []byte(asker))
	return hex.EncodeToString(k), hex.EncodeToString(out), nil
}

// unseal opens what seal made, or reports false when the key, the asker or
// the text is not the one sealed.
func unseal(key, asker, sealed string) (string, bool) {
	k, err1 := hex.DecodeString(key)
	data, err2 := hex.DecodeString(sealed)
	if err1 != nil || err2 != nil || len(k) != 16 {
		return "", false
	}
	aead, err := newAEAD(k)
	if err != nil || len(data) < aead.NonceSize() {
		return "", false
	}
	q, err := aead.Open(nil, data[:aead.NonceSize()], data[aead.NonceSize():], []byte(asker))
	if err != nil {
		return "", false
	}
	return string(q), true
}

func newAEAD(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// Share answers the "Ask the peer network" buttons: share named|anon <id>
// <key> posts the question held under id, opened with key, to the peer
// support channel, with the person's name or with nothing that identifies
// them. Only the person who asked may post it, and only the text they asked
// is posted.
func (h *Answers) Share(ctx context.Context, req Request) (Reply, error) {
	if h.peerChannel == "" {
		return Say("There's no peer support channel set up for me to post to, sorry. Please ask in your peer support network directly, or ask a network admin to set the channel up."), nil
	}
	f := strings.Fields(req.Args)
	if len(f) != 3 || (strings.ToLower(f[0]) != "named" && strings.ToLower(f[0]) != "anon") || h.pending == nil {
		return Say("Sorry, I couldn't tell what to post. Ask your question again and use one of the buttons under my answer."), nil
	}
	mode, id, key := strings.ToLower(f[0]), f[1], f[2]
	asker, sealed, ok, err := h.pending.HeldQuestion(ctx, id)
	if errors.Is(err, ErrUnavailable) {
		return Say("I can't reach my records just now, so nothing was posted. Please try the button again in a minute."), nil
	}
	if err != nil {
		return Reply{}, fmt.Errorf("reading a held question: %w", err)
	}
	if !ok {
		return Say(fmt.Sprintf("That question is no longer ready to post: I keep it for %d minutes. Ask it again with %s and use the button under my answer.", int(shareHold.Minutes()), req.Invocation("ask", "your question"))), nil
	}
	// Under an answer in a public thread anyone can press the buttons, and
	// only the asker may post the question.
	if asker != req.UserID {
		return Say(fmt.Sprintf("Only the person who asked can post that question. To ask the network something yourself, start with %s.", req.Invocation("ask", "your question"))), nil
	}
	q, ok := unseal(key, asker, sealed)
	if !ok {
		return Say("Sorry, I couldn't tell what to post. Ask your question again and use one of the buttons under my answer."), nil
	}
	if supervision.ContainsNHSNumber(q) {
		return Say(nhsRefusal), nil
	}
	first, err := h.claimShare(ctx, req.UserID, q)
	if err == nil && !first {
		// The first press may still be posting it: only its answer
		// knows what Slack said.
		return Say("You've pressed that already: your question is being posted to the peer support channel, or has been. My answer to your first press says whether Slack took it; replies will come in its thread there."), nil
	}
	// A claim the store could not make posts anyway: better a rare second
	// post than a question that never reaches anyone.
	post := Reply{Public: true}
	sent := "Posted to the peer support channel without your name. Replies will come in its thread there."
	if mode == "named" {
		post.Text = fmt.Sprintf("<@%s> asks the network:", req.UserID)
		sent = "Posted to the peer support channel with your name. Replies will come in its thread there."
	} else {
		post.Text = "Someone in the network asks (anonymously):"
	}
	post.Sections = []Section{{Typed: q}, {Text: "If you can help, please reply in the thread."}}
	told := func(ctx context.Context, o PostOutcome) Reply {
		if o == PostSent {
			return Say(sent)
		}
		// Not posted, or perhaps not: the button posts it again.
		h.releaseShare(ctx, req.UserID, q)
		return Say(shareFailed[o])
	}
	r := Say(shareFailed[PostUnsure])
	r.Messages = []Message{{To: h.peerChannel, Reply: post, Receipt: &Receipt{Told: told}}}
	return r, nil
}

// shareFailed is what the asker is told when their question may not have
// reached the peer support channel, by what Slack answered.
var shareFailed = map[PostOutcome]string{
	PostUnsure: "I couldn't tell whether your question reached the peer support channel: Slack didn't answer in time. " +
		"It may or may not have been posted, so please look in the peer support channel before you press the button again.",
	PostNotInChannel: "Your question wasn't posted: I'm not a member of the peer support channel, so Slack wouldn't let me post there. " +
		"Please ask someone in that channel to invite me (in the channel, type /invite and my name), then press the button again.",
	PostNoChannel: "Your question wasn't posted: I can't find the peer support channel I was set up to post to. It may have been deleted, or made private without me in it. " +
		"Please tell a network admin so they can set the right channel; meanwhile you could ask your peer support network directly.",
	PostArchived: "Your question wasn't posted: the peer support channel I post to has been archived. " +
		"Please tell a network admin so they can set a new channel; meanwhile you could ask your peer support network directly.",
	PostRefused: "Your question wasn't posted: Slack didn't accept the post just now. Please press the button again in a minute.",
}

// claimShare reports whether this is the person's first post of this
// question within the hour. Neither is kept in readable form: the claim
// is on a hash of the two.
func (h *Answers) claimShare(ctx context.Context, userID, question string) (bool, error) {
	if h.once == nil {
		return true, nil
	}
	return h.once.Claim(ctx, "share", shareOnce, shareClaim(userID, question))
}

// releaseShare forgets the claim on a post that was not made, or may not
// have been, so the button can post it again. A release the store could
// not make leaves the claim to run out.
func (h *Answers) releaseShare(ctx context.Context, userID, question string) {
	if h.once != nil {
		_ = h.once.Release(ctx, "share", shareClaim(userID, question))
	}
}

func shareClaim(userID, question string) string {
	sum := sha256.Sum256([]byte(userID + "\x00" + question))
	return hex.EncodeToString(sum[:16])
}
