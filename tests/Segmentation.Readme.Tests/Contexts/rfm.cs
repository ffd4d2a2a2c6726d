// Context of the README's RFM fragment (under "Customer-base features and RFM"): `customers` are the analytics
// package's CustomerPurchases (as CustomerPurchases.GroupByCustomer returns them from a purchase log), `asOf` a date
// and `input` one customer's RFM input. The fragment is run and its result checked.
using System.Text.Json;
using Segmentation.Analytics.CustomerBase;
using Segmentation.Analytics.Purchases;
using Segmentation.Analytics.Rfm;

var asOf = new DateTime(1997, 9, 30, 0, 0, 0, DateTimeKind.Utc);
var customers = CustomerPurchases.GroupByCustomer(
    Enumerable.Range(1, 40).SelectMany(i => Enumerable.Range(0, 1 + (i % 6)).Select(k =>
        new PurchaseRecord($"c-{i}", new DateTime(1997, 1, 1).AddDays((i * 5) + (k * 11)), 1, 10m * i))));
var input = RfmInput.FromFeatures("c-40", CustomerBaseCalculator.Compute(customers.Single(c => c.CustomerId == "c-40").Purchases, asOf));

// README fragment

ReadmeClaim.Check(score.R is >= 1 and <= 5 && score.F is >= 1 and <= 5 && score.M is >= 1 and <= 5, "R, F, M in 1..5");
ReadmeClaim.Check(JsonSerializer.Serialize(JsonSerializer.Deserialize<RfmSnapshot>(json)) == json, "the snapshot is serializable");
ReadmeClaim.Check(named is not null, "the default named segments classify every score");
