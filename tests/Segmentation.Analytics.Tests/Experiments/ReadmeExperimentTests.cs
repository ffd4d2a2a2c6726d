namespace Segmentation.Analytics.Tests.Experiments;

/// <summary>The README's experiment example, executed.</summary>
public sealed class ReadmeExperimentTests
{
    [Fact]
    public void Experiment_ReadmeExample_AssignsUser2ToTreatment()
    {
        var experiment = new Experiment("checkout-2024", [new("control", 1), new("treatment", 1)], holdoutBasisPoints: 1000);

        experiment.Assign("user-2").Should().Be("treatment");
    }
}
