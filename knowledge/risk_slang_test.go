package knowledge

import "testing"

// TestRiskTypedInSlang: risk typed in a hurry, with its ordinary words cut
// short ("2nite", "sed", "wiv") or their last "g" dropped ("givin"), is
// read as it would be spelt in full.
func TestRiskTypedInSlang(t *testing.T) {
	b := shippedBase(t)
	wantSafetyReply(t, b, []string{
		"she sed shes plannin to take all her pils 2nite",
		"he's been burnin his arms agen",
		"her bf is takin her munny and her fone",
		"old man wiv dementia is givin his pension to sum1 who calls",
		"hes heerin a voice tellin him 2 jump",
		"his missus has been hittin him wiv a pan",
	})
	wantNoSafetyReply(t, b, []string{
		"she sed she wants to join the walkin group 2nite",
		"is there trainin on fundin bids",
		"shes threatnd to skip the group lol",
	})
}
