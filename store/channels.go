package store

import (
	"context"
	"slices"
)

// answerChannelsKey is the set of channel ids an admin turned answers on
// in, besides PEER_CHANNEL_ID: peerbot:channels:answers.
func (r *Redis) answerChannelsKey() string { return r.key("channels", "answers") }

// SetAnswerChannel turns unasked answers on or off in a channel.
func (r *Redis) SetAnswerChannel(ctx context.Context, channelID string, on bool) error {
	if err := checkID("channel id", channelID); err != nil {
		return err
	}
	var err error
	if on {
		err = r.client.SAdd(ctx, r.answerChannelsKey(), channelID).Err()
	} else {
		err = r.client.SRem(ctx, r.answerChannelsKey(), channelID).Err()
	}
	if err != nil {
		return writeFailed("changing the channels answered in", err)
	}
	return nil
}

// AnswerChannels returns the channels answers were turned on in, sorted.
func (r *Redis) AnswerChannels(ctx context.Context) ([]string, error) {
	ids, err := r.client.SMembers(ctx, r.answerChannelsKey()).Result()
	if err != nil {
		return nil, unavailable("reading the channels answered in", err)
	}
	slices.Sort(ids)
	return ids, nil
}
