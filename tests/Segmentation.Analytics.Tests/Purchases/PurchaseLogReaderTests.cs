
namespace Segmentation.Analytics.Tests.Purchases;

public class PurchaseLogReaderTests
{
    [Fact]
    public void ReadCdnow_SampleFile_ReadsAllRecordsAndCustomers()
    {
        var records = PurchaseLogReader.ReadCdnow(CdnowSample.Path);

        records.Should().HaveCount(6919);
        records.Select(r => r.CustomerId).Distinct().Should().HaveCount(2357);
        records[0].Should().Be(new PurchaseRecord("0001", CdnowSample.Day(1997, 1, 1), 2, 29.33m));
        records[^1].Should().Be(new PurchaseRecord("2357", CdnowSample.Day(1997, 3, 25), 2, 25.74m));
    }

    [Fact]
    public void ReadCdnow_SampleFile_DatesAreUtcMidnight()
    {
        var records = PurchaseLogReader.ReadCdnow(CdnowSample.Path);

        records.Should().OnlyContain(r => r.Date.Kind == DateTimeKind.Utc && r.Date.TimeOfDay == TimeSpan.Zero);
    }

    [Fact]
    public void ReadCdnow_MasterFormatWithHeader_UsesCustomerIdColumn()
    {
        var text = " customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n\r\n 00002 19970112  1   12.00\r\n";

        var records = PurchaseLogReader.ReadCdnow(new StringReader(text), "CDNOW_master.txt");

        records.Should().Equal(
            new PurchaseRecord("00001", CdnowSample.Day(1997, 1, 1), 1, 11.77m),
            new PurchaseRecord("00002", CdnowSample.Day(1997, 1, 12), 1, 12.00m));
    }

    [Fact]
    public void ReadCdnow_LfLineEndingsAndBlankLines_AreAccepted()
    {
        var text = "\n 00004 0001 19970101  2   29.33\n\n   \n 00004 0001 19970118  2   29.73\n";

        var records = PurchaseLogReader.ReadCdnow(new StringReader(text), "sample");

        records.Select(r => r.Amount).Should().Equal(29.33m, 29.73m);
    }

    [Fact]
    public void ReadCdnow_BadDollarValue_ThrowsWithSourceLineAndReason()
    {
        var text = " 00004 0001 19970101  2   29.33\r\n\r\n 00004 0001 19970118  2   abc\r\n";

        var act = () => PurchaseLogReader.ReadCdnow(new StringReader(text), "CDNOW_sample.txt");

        act.Should().Throw<PurchaseLogFormatException>()
            .WithMessage("CDNOW_sample.txt line 3: dollar_value 'abc' is not a number")
            .Which.LineNumber.Should().Be(3);
    }

    [Fact]
    public void ReadCdnow_BadDate_ThrowsNamingTheColumn()
    {
        var text = " 00004 0001 19971301  2   29.33\r\n";

        var act = () => PurchaseLogReader.ReadCdnow(new StringReader(text), "s.txt");

        act.Should().Throw<PurchaseLogFormatException>()
            .WithMessage("s.txt line 1: yyyymmdd '19971301' is not a date (yyyyMMdd)");
    }

    [Fact]
    public void ReadCdnow_MissingColumnAfterFirstLine_ThrowsWithColumnCount()
    {
        var text = " 00004 0001 19970101  2   29.33\n 00004 0001 19970118  2\n";

        var act = () => PurchaseLogReader.ReadCdnow(new StringReader(text), "s.txt");

        act.Should().Throw<PurchaseLogFormatException>()
            .WithMessage("s.txt line 2: expected 5 columns (master_id sample_id yyyymmdd number_of_cds dollar_value) but found 4");
    }

    [Fact]
    public void ReadCdnow_UnrecognisedFirstLine_ThrowsNamingBothFormats()
    {
        var act = () => PurchaseLogReader.ReadCdnow(new StringReader("a b c\n"), "x.txt");

        act.Should().Throw<PurchaseLogFormatException>()
            .WithMessage("x.txt line 1: expected the CDNOW sample format (*) or the master format (*) but found 3 columns");
    }

    [Fact]
    public void ReadCsv_DefaultColumnsInAnyOrder_ReadsRecords()
    {
        var text = "date,amount,customer_id,quantity\r\n2024-03-01,12.50,c1,2\r\n20240302,-3.10,\"c,2\",1\r\n";

        var records = PurchaseLogReader.ReadCsv(new StringReader(text), "orders.csv");

        records.Should().Equal(
            new PurchaseRecord("c1", CdnowSample.Day(2024, 3, 1), 2, 12.50m),
            new PurchaseRecord("c,2", CdnowSample.Day(2024, 3, 2), 1, -3.10m));
    }

    [Fact]
    public void ReadCsv_NoQuantityColumn_QuantityIsOne()
    {
        var text = "Customer_ID ; Date ; Amount\n7;2024-01-31;9.99\n";
        var options = new CsvPurchaseLogOptions { Delimiter = ';' };

        var records = PurchaseLogReader.ReadCsv(new StringReader(text), "orders.csv", options);

        records.Should().ContainSingle().Which.Should().Be(new PurchaseRecord("7", CdnowSample.Day(2024, 1, 31), 1, 9.99m));
    }

    [Fact]
    public void ReadCsv_CustomColumnNames_AreUsed()
    {
        var text = "user,day,revenue,items\nu9,2023-12-24,100,3\n";
        var options = new CsvPurchaseLogOptions { CustomerIdColumn = "user", DateColumn = "day", AmountColumn = "revenue", QuantityColumn = "items" };

        var records = PurchaseLogReader.ReadCsv(new StringReader(text), "orders.csv", options);

        records.Should().ContainSingle().Which.Should().Be(new PurchaseRecord("u9", CdnowSample.Day(2023, 12, 24), 3, 100m));
    }

    [Fact]
    public void ReadCsv_MissingAmountColumn_ThrowsNamingTheColumn()
    {
        var act = () => PurchaseLogReader.ReadCsv(new StringReader("customer_id,date,total\nc1,2024-01-01,3\n"), "orders.csv");

        act.Should().Throw<PurchaseLogFormatException>()
            .WithMessage("orders.csv line 1: missing required column 'amount' (header has: customer_id, date, total)");
    }

    [Fact]
    public void ReadCsv_WrongFieldCount_ThrowsWithLine()
    {
        var act = () => PurchaseLogReader.ReadCsv(new StringReader("customer_id,date,amount\n\nc1,2024-01-01\n"), "orders.csv");

        act.Should().Throw<PurchaseLogFormatException>()
            .WithMessage("orders.csv line 3: expected 3 fields as in the header but found 2");
    }

    [Fact]
    public void ReadCsv_BadQuantity_ThrowsNamingTheColumn()
    {
        var act = () => PurchaseLogReader.ReadCsv(new StringReader("customer_id,date,amount,quantity\nc1,2024-01-01,3,two\n"), "orders.csv");

        act.Should().Throw<PurchaseLogFormatException>()
            .WithMessage("orders.csv line 2: quantity 'two' is not a whole number");
    }

    [Fact]
    public void ReadCsv_UnclosedQuote_Throws()
    {
        var act = () => PurchaseLogReader.ReadCsv(new StringReader("customer_id,date,amount\n\"c1,2024-01-01,3\n"), "orders.csv");

        act.Should().Throw<PurchaseLogFormatException>().WithMessage("orders.csv line 2: a quoted field is not closed");
    }

    [Fact]
    public void ReadCsv_EmptyCustomerId_Throws()
    {
        var act = () => PurchaseLogReader.ReadCsv(new StringReader("customer_id,date,amount\n,2024-01-01,3\n"), "orders.csv");

        act.Should().Throw<PurchaseLogFormatException>().WithMessage("orders.csv line 2: customer_id is empty");
    }

    [Fact]
    public void ReadCsv_EmptyLog_ThrowsExpectingHeader()
    {
        var act = () => PurchaseLogReader.ReadCsv(new StringReader("\r\n"), "orders.csv");

        act.Should().Throw<PurchaseLogFormatException>().WithMessage("orders.csv line 1: the log is empty; expected a header line");
    }

    [Fact]
    public void GroupByCustomer_UnorderedRecords_GroupsSortedByIdAndDate()
    {
        var records = new[]
        {
            new PurchaseRecord("b", CdnowSample.Day(2024, 2, 1), 1, 2m),
            new PurchaseRecord("a", CdnowSample.Day(2024, 3, 1), 1, 3m),
            new PurchaseRecord("b", CdnowSample.Day(2024, 1, 1), 1, 1m),
        };

        var customers = CustomerPurchases.GroupByCustomer(records);

        customers.Select(c => c.CustomerId).Should().Equal("a", "b");
        customers[1].Purchases.Select(p => p.Amount).Should().Equal(1m, 2m);
    }

    [Fact]
    public void GroupByCustomer_CdnowSample_Yields2357Customers()
    {
        var customers = CustomerPurchases.GroupByCustomer(CdnowSample.Records);

        customers.Should().HaveCount(2357);
        customers[0].CustomerId.Should().Be("0001");
        customers[0].Purchases.Should().HaveCount(4);
    }
}
