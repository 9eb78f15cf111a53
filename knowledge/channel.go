package knowledge

// ChannelConfidence is the least confidence at which a question posted in
// a channel, not asked of the bot, is answered there: stricter than the
// search's own confidentAt, which /ask uses. It is set from the held-back
// question sets so that none of their questions is answered there wrongly
// (see TestChannelConfidenceHeldBack); below it the bot stays quiet and
// lets peers answer.
const ChannelConfidence = 0.75

// ConfidentAt reports whether the answer may be given unasked: an article
// (not a definition, a referral or the safety reply, which peers are
// better placed to follow up) whose best passage the search is at least
// min confident of.
func (a Answer) ConfidentAt(min float64) bool {
	if !a.Confident() || a.Safety || a.Kind != Article || len(a.Results.Hits) == 0 {
		return false
	}
	top := a.Results.Hits[0]
	return top.Entry == a.Entry && top.Confidence >= min
}
