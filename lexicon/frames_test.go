package lexicon

import "testing"

func TestDefaultFramesLoad(t *testing.T) {
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.Frames) == 0 || len(lx.Frames[0].Claims) < 20 {
		t.Fatalf("frames: %+v", lx.Frames)
	}
	if len(lx.StanceCues.Denials) == 0 || len(lx.StanceCues.Negators) == 0 || len(lx.StanceCues.Oppositions) == 0 {
		t.Fatalf("stance cues: %+v", lx.StanceCues)
	}
}
