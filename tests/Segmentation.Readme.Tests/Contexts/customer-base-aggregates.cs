// Context of the README fragment under "Customer-base features and RFM": the body of a catalog's Define method, with
// the builder `s`, over the analytics package's CustomerPurchases (purchase records with Date and Amount). The
// catalog is compiled and a customer with two purchase days (the repeat day spends 60) is evaluated.
using Segmentation.Analytics.Purchases;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;

var engine = SegmentEngine.Compile(new CustomerBaseSegments());
var customer = new CustomerPurchases("c-1", [new("c-1", new DateTime(1997, 1, 2), 1, 10m), new("c-1", new DateTime(1997, 2, 3), 2, 60m)]);
var result = engine.Evaluate(customer, new DateTimeOffset(1997, 9, 30, 0, 0, 0, TimeSpan.Zero));
ReadmeClaim.Check(result.IsIn("repeat-buyer"), "a second purchase day makes a repeat buyer");
ReadmeClaim.Check(result.IsIn("big-repeat-spender"), "the repeat days' average (60) is at least 40");

public sealed class CustomerBaseSegments : SegmentCatalog<CustomerPurchases>
{
    protected override void Define(ICatalogBuilder<CustomerPurchases> s)
    {
        s.IdentifiedBy(c => c.CustomerId);
        // README fragment
    }
}
