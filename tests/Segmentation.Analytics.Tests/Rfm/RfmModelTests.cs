using System.Text.Json;

namespace Segmentation.Analytics.Tests.Rfm;

public class RfmModelTests
{
    [Fact]
    public void Fit_TenDistinctValues_CutsAtNearestRankQuintiles()
    {
        var population = Enumerable.Range(1, 10).Select(i => new RfmInput($"c{i}", i, i, i * 10m));

        var snapshot = RfmModel.Fit(population);

        snapshot.FrequencyCutPoints.Should().Equal(2m, 4m, 6m, 8m);
        snapshot.MonetaryCutPoints.Should().Equal(20m, 40m, 60m, 80m);
        snapshot.RecencyCutPoints.Should().Equal(2m, 4m, 6m, 8m);
        snapshot.Score(new RfmInput("c1", 1, 1, 10m)).Should().Be(new RfmScore(5, 1, 1));
        snapshot.Score(new RfmInput("c3", 3, 3, 30m)).Should().Be(new RfmScore(4, 2, 2));
        snapshot.Score(new RfmInput("c10", 10, 10, 100m)).Should().Be(new RfmScore(1, 5, 5));
    }

    [Fact]
    public void Score_ValueEqualToCutPoint_FallsInLowerBin()
    {
        var snapshot = RfmModel.Fit(Enumerable.Range(1, 10).Select(i => new RfmInput($"c{i}", i, i, i)));

        var score = snapshot.Score(new RfmInput("x", 4, 4, 4.01m));

        score.Should().Be(new RfmScore(4, 2, 3));
    }

    [Fact]
    public void Fit_FrequencyMostlyZero_TiesShareAScoreAndSkippedScoresStayUnused()
    {
        // 70 x 0, 10 x 1, 10 x 2, 10 x 5 -> cut points at ranks 20, 40, 60, 80 = 0, 0, 0, 1
        var frequencies = Enumerable.Repeat(0, 70).Concat(Enumerable.Repeat(1, 10)).Concat(Enumerable.Repeat(2, 10)).Concat(Enumerable.Repeat(5, 10));
        var population = frequencies.Select((f, i) => new RfmInput($"c{i}", 10, f, 1m)).ToArray();

        var snapshot = RfmModel.Fit(population);
        var scores = population.Select(p => (p.Frequency, snapshot.Score(p).F)).Distinct().ToArray();

        snapshot.FrequencyCutPoints.Should().Equal(0m, 0m, 0m, 1m);
        scores.Should().BeEquivalentTo(new[] { (0, 1), (1, 4), (2, 5), (5, 5) });
    }

    [Fact]
    public void Fit_AllValuesEqual_EveryoneGetsTheSameScore()
    {
        var population = Enumerable.Range(0, 50).Select(i => new RfmInput($"c{i}", 30, 2, 9.99m)).ToArray();

        var snapshot = RfmModel.Fit(population);

        population.Select(snapshot.Score).Distinct().Should().Equal(new RfmScore(5, 1, 1));
    }

    [Fact]
    public void Fit_ThreeBins_ScoresFromOneToThree()
    {
        var population = Enumerable.Range(1, 9).Select(i => new RfmInput($"c{i}", i, i, i));

        var snapshot = RfmModel.Fit(population, new RfmOptions { Bins = 3 });

        snapshot.Bins.Should().Be(3);
        snapshot.FrequencyCutPoints.Should().Equal(3m, 6m);
        snapshot.Score(new RfmInput("x", 7, 7, 7m)).Should().Be(new RfmScore(1, 3, 3));
    }

    [Fact]
    public void Fit_EmptyPopulation_ThrowsArgumentException()
    {
        var act = () => RfmModel.Fit([]);

        act.Should().Throw<ArgumentException>()
            .WithMessage("The population is empty: RFM cut points need at least one customer.*")
            .Which.ParamName.Should().Be("population");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public void Fit_BinsOutOfRange_Throws(int bins)
    {
        var act = () => RfmModel.Fit([new RfmInput("c", 1, 1, 1m)], new RfmOptions { Bins = bins });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Snapshot_JsonRoundTrip_ScoresTheSame()
    {
        var asOf = CdnowSample.CalibrationEnd;
        var snapshot = RfmModel.Fit(Enumerable.Range(1, 20).Select(i => new RfmInput($"c{i}", i * 3, i % 4, i * 1.5m)), new RfmOptions { AsOf = asOf });

        var json = JsonSerializer.Serialize(snapshot);
        var copy = JsonSerializer.Deserialize<RfmSnapshot>(json)!;

        copy.Should().BeEquivalentTo(snapshot);
        copy.AsOf.Should().Be(asOf);
        copy.PopulationSize.Should().Be(20);
        copy.Score(new RfmInput("x", 17, 2, 12m)).Should().Be(snapshot.Score(new RfmInput("x", 17, 2, 12m)));
    }

    [Fact]
    public void Snapshot_JsonWithDescendingCutPoints_IsRejected()
    {
        var json = """{"Bins":3,"RecencyCutPoints":[5,1],"FrequencyCutPoints":[1,2],"MonetaryCutPoints":[1,2],"PopulationSize":3,"AsOf":null}""";

        var act = () => JsonSerializer.Deserialize<RfmSnapshot>(json);

        act.Should().Throw<ArgumentException>().WithMessage("Cut points must be in ascending order.*");
    }

    [Fact]
    public void Fit_CdnowSampleAsOfCalibrationEnd_HandCheckedCutPointsAndScores()
    {
        // Recency = days since last purchase, frequency = repeat purchases, monetary = total spend, as of 1997-09-30.
        // 1,411 of 2,357 customers have frequency 0, so the F cut points are 0, 0, 1, 2 and F score 2 is never used.
        var features = CustomerBaseCalculator.ComputeAll(CustomerPurchases.GroupByCustomer(CdnowSample.Records), CdnowSample.CalibrationEnd);
        var inputs = features.Select(f => RfmInput.FromFeatures(f.Key, f.Value)).ToDictionary(i => i.CustomerId);

        var snapshot = RfmModel.Fit(inputs.Values, new RfmOptions { AsOf = CdnowSample.CalibrationEnd });

        snapshot.PopulationSize.Should().Be(2357);
        snapshot.RecencyCutPoints.Should().Equal(99m, 198m, 219m, 242m);
        snapshot.FrequencyCutPoints.Should().Equal(0m, 0m, 1m, 2m);
        snapshot.MonetaryCutPoints.Should().Equal(14.96m, 27.99m, 46.04m, 93.76m);
        snapshot.Score(inputs["0001"]).Should().Be(new RfmScore(5, 4, 4)); // 59 days, 2 repeats, 74.02
        snapshot.Score(inputs["0002"]).Should().Be(new RfmScore(1, 3, 4)); // 260 days, 1 repeat, 75.11
        snapshot.Score(inputs["2258"]).Should().Be(new RfmScore(4, 1, 4)); // 192 days, 0 repeats, 72.45
        snapshot.Score(inputs["1460"]).Should().Be(new RfmScore(4, 5, 5)); // 127 days, 4 repeats, 198.63
        snapshot.Score(inputs["2357"]).Should().Be(new RfmScore(4, 1, 2)); // 189 days, 0 repeats, 25.74
        inputs.Values.Count(i => snapshot.Score(i).F == 2).Should().Be(0);
    }

    [Fact]
    public void FromFeatures_NoPurchases_Throws()
    {
        var act = () => RfmInput.FromFeatures("c1", CustomerBaseFeatures.NoPurchases(CdnowSample.CalibrationEnd));

        act.Should().Throw<ArgumentException>().WithMessage("Customer 'c1' has no purchase up to the as-of date*");
    }
}
