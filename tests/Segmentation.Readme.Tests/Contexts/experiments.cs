// Context of the README's A/B fragment (under "Measuring segments and A/B splits"): `measured`, the measured profiles
// (as SegmentMeasurement.Measure takes them), and `variantByProfileId`, each profile's variant. The fragment is run, and
// the assignment it shows checked.
using Segmentation.Analytics.Experiments;
using Segmentation.Analytics.Measurement;

MeasuredProfile[] measured =
[
    .. Enumerable.Range(0, 40).Select(i => new MeasuredProfile($"p{i}", i % 3 == 0 ? ["churn-risk"] : [], new ProfileOutcome(Converted: i % 4 == 0, Revenue: 10m, Orders: 1, Retained: true))),
];
var variantByProfileId = measured.ToDictionary(p => p.ProfileId, p => int.Parse(p.ProfileId[1..]) % 2 == 0 ? "control" : "treatment");

// README fragment

ReadmeClaim.Check(experiment.Assign("user-2") == "treatment", "experiment.Assign(\"user-2\") is \"treatment\"");
ReadmeClaim.Check(ab.Population.Comparisons.Single().Variant == "treatment", "per variant vs control");
ReadmeClaim.Check(ab.Segment("churn-risk").Variants.Count == 2, "per segment × variant");
