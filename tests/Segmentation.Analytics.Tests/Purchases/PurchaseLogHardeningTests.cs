namespace Segmentation.Analytics.Tests.Purchases;

/// <summary>Hostile and careless purchase logs: every one ends with a clear error naming the file and the line.</summary>
public class PurchaseLogHardeningTests
{
    [Fact]
    public void ReadCsv_UnknownColumn_IsRejectedNamingItAndTheWayOut()
    {
        var act = () => PurchaseLogReader.ReadCsv(new StringReader("customer_id,date,amount,quantiy\nc1,2024-01-01,3,2\n"), "orders.csv");

        act.Should().Throw<PurchaseLogFormatException>().WithMessage(
            "orders.csv line 1: unknown column 'quantiy' (the columns are customer_id, date, amount and optionally quantity; set IgnoreUnknownColumns to ignore other columns)");
    }

    [Fact]
    public void ReadCsv_UnknownColumnWhenIgnored_IsIgnored()
    {
        var options = new CsvPurchaseLogOptions { IgnoreUnknownColumns = true };

        var records = PurchaseLogReader.ReadCsv(new StringReader("order_id,customer_id,date,amount\n17,c1,2024-01-01,3\n"), "orders.csv", options);

        records.Should().ContainSingle().Which.Should().Be(new PurchaseRecord("c1", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1, 3m));
    }

    [Fact]
    public void ReadCsv_DuplicatedHeaderColumn_IsRejected()
    {
        var act = () => PurchaseLogReader.ReadCsv(new StringReader("customer_id,date,amount,Amount\nc1,2024-01-01,3,4\n"), "orders.csv");

        act.Should().Throw<PurchaseLogFormatException>().WithMessage("orders.csv line 1: column 'Amount' appears twice in the header (columns 3 and 4)");
    }

    [Theory]
    [InlineData("customer_id,date,amount\nc1,2024-01-01,-3.10\n", "orders.csv line 2: amount -3.10 is negative: returns and refunds are not purchases; remove them or net them into the purchase they undo")]
    [InlineData("customer_id,date,amount,quantity\nc1,2024-01-01,3,-2\n", "orders.csv line 2: quantity -2 is negative: returns and refunds are not purchases; remove them or net them into the purchase they undo")]
    public void ReadCsv_NegativeAmountOrQuantity_IsRejected(string text, string message)
    {
        var act = () => PurchaseLogReader.ReadCsv(new StringReader(text), "orders.csv");

        act.Should().Throw<PurchaseLogFormatException>().WithMessage(message);
    }

    [Fact]
    public void ReadCdnow_NegativeDollarValue_IsRejected()
    {
        var act = () => PurchaseLogReader.ReadCdnow(new StringReader(" 00001 19970101 1 11.77\n 00001 19970102 1 -11.77\n"), "log.txt");

        act.Should().Throw<PurchaseLogFormatException>().WithMessage("log.txt line 2: dollar_value -11.77 is negative*");
    }

    [Fact]
    public void ReadCsv_AmountBeyondTheLimit_IsRejectedSoThatNoSumCanOverflow()
    {
        var act = () => PurchaseLogReader.ReadCsv(new StringReader("customer_id,date,amount\nc1,2024-01-01,50000000000000000000000000000\n"), "orders.csv");

        act.Should().Throw<PurchaseLogFormatException>().WithMessage("orders.csv line 2: amount 50000000000000000000000000000 is larger than 1,000,000,000,000,000*");
        PurchaseLogReader.MaxAmount.Should().Be(1_000_000_000_000_000m);
        (PurchaseLogReader.MaxAmount * int.MaxValue).Should().BeLessThan(decimal.MaxValue / 1000, "a list of records holds at most int.MaxValue records");
    }

    [Fact]
    public void ReadCsv_NulInCustomerId_IsRejected()
    {
        var act = () => PurchaseLogReader.ReadCsv(new StringReader("customer_id,date,amount\nc\u00001,2024-01-01,3\n"), "orders.csv");

        act.Should().Throw<PurchaseLogFormatException>().WithMessage("orders.csv line 2: customer_id 'c\\u00001' contains the control character U+0000 at position 2");
    }

    [Fact]
    public void ReadCdnow_ControlCharacterInId_IsRejected()
    {
        var act = () => PurchaseLogReader.ReadCdnow(new StringReader(" 0000\u00071 19970101 1 11.77\n"), "log.txt");

        act.Should().Throw<PurchaseLogFormatException>().WithMessage("log.txt line 1: customer_id * contains the control character U+0007 at position 5");
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void ReadCsv_OtherDelimiter_GetsAHint(char delimiter)
    {
        var text = string.Join(delimiter, "customer_id", "date", "amount") + "\n" + string.Join(delimiter, "c1", "2024-01-01", "3") + "\n";

        var act = () => PurchaseLogReader.ReadCsv(new StringReader(text), "orders.csv");

        act.Should().Throw<PurchaseLogFormatException>().Which.Reason.Should()
            .StartWith("missing required column 'customer_id'").And.EndWith($"the header has no ',' but {Shown(delimiter)}: is the file delimited by {Shown(delimiter)}? Set CsvPurchaseLogOptions.Delimiter (CLI: --delimiter).");
    }

    [Fact]
    public void ReadCsv_HugeField_IsQuotedTruncatedInTheMessage()
    {
        var huge = new string('x', 50_000);

        var act = () => PurchaseLogReader.ReadCsv(new StringReader($"customer_id,date,amount\nc1,2024-01-01,{huge}\n"), "orders.csv");

        var message = act.Should().Throw<PurchaseLogFormatException>().Which.Message;
        message.Should().StartWith("orders.csv line 2: amount 'xxxxxxxx").And.Contain("… (50,000 characters)").And.EndWith("is not a number");
        message.Length.Should().BeLessThan(200);
    }

    [Fact]
    public void ReadCsv_HugeHeader_IsTruncatedInTheMessage()
    {
        var act = () => PurchaseLogReader.ReadCsv(new StringReader("customer_id,date," + new string('y', 60_000) + "\n"), "orders.csv");

        act.Should().Throw<PurchaseLogFormatException>().Which.Message.Length.Should().BeLessThan(400);
    }

    [Fact]
    public void Read_LineLongerThanTheLimit_FailsWithFileAndLineWithoutReadingTheRest()
    {
        var reader = new EndlessReader('\0');

        var act = () => PurchaseLogReader.ReadCdnow(reader, "zero");

        act.Should().Throw<PurchaseLogFormatException>().WithMessage("zero line 1: the line is longer than 65,536 characters and contains NUL characters: this looks like a binary file, not a purchase log");
        reader.CharsRead.Should().BeLessThan(1_000_000, "reading stops at the limit");
    }

    [Fact]
    public void ReadCsv_LongLineOfText_FailsWithFileAndLine()
    {
        var text = "customer_id,date,amount\nc1,2024-01-01,3\n" + new string('a', PurchaseLogReader.MaxLineLength + 1) + "\n";

        var act = () => PurchaseLogReader.ReadCsv(new StringReader(text), "orders.csv");

        act.Should().Throw<PurchaseLogFormatException>().WithMessage("orders.csv line 3: the line is longer than 65,536 characters*");
    }

    [Fact]
    public void Read_LineOfExactlyTheLimit_IsRead()
    {
        var id = new string('c', PurchaseLogReader.MaxLineLength - "'',2024-01-01,3".Length + 2);
        var text = "customer_id,date,amount\n" + id + ",2024-01-01,3\r\n";

        var records = PurchaseLogReader.ReadCsv(new StringReader(text), "orders.csv");

        records.Should().ContainSingle().Which.CustomerId.Should().Be(id);
    }

    [Fact]
    public void ReadCdnow_NulInsideALine_IsABinaryFileError()
    {
        var act = () => PurchaseLogReader.ReadCdnow(new StringReader(" 00001 19970101 1 11.77\n\0\0\0\n"), "log.txt");

        act.Should().Throw<PurchaseLogFormatException>().WithMessage("log.txt line 2: the line contains NUL characters: this looks like a binary file, not a purchase log");
    }

    [Theory]
    [InlineData(" 1 19970101 1 1\r 2 19970101 1 1\r\n\n 3 19970101 1 1\n 4 1997x101 1 1", 5)]
    [InlineData("\r\n\r\n 4 1997x101 1 1\r\n", 3)]
    [InlineData("\r\r 4 1997x101 1 1", 3)]
    public void Lines_EndWithCrLfCrOrLf_AndKeepTheirNumbers(string text, int line)
    {
        var act = () => PurchaseLogReader.ReadCdnow(new StringReader(text), "t");

        act.Should().Throw<PurchaseLogFormatException>().Which.LineNumber.Should().Be(line);
    }

    [Fact]
    public void ReadCsv_SeveralBadLines_AreAllReportedAtOnceOnOneLine()
    {
        var text = "customer_id,date,amount\nc1,2024-01-01,-1\nc2,2024-01-01,5\n,2024-01-02,5\nc3,2024-13-01,5\n";

        var act = () => PurchaseLogReader.ReadCsv(new StringReader(text), "orders.csv");

        var error = act.Should().Throw<PurchaseLogFormatException>().Which;
        error.Problems.Select(p => p.LineNumber).Should().Equal(2, 4, 5);
        error.LineNumber.Should().Be(2);
        error.Message.Should().Be(
            "orders.csv line 2: amount -1 is negative: returns and refunds are not purchases; remove them or net them into the purchase they undo; " +
            "line 4: customer_id is empty; line 5: date '2024-13-01' is not a date (yyyy-MM-dd or yyyyMMdd)");
    }

    [Fact]
    public void ReadCdnow_ManyBadLines_StopsAtTheLimitAndSaysSo()
    {
        var text = string.Concat(Enumerable.Range(1, 100).Select(i => $" {i:00000} 19970101 1 x\n"));

        var act = () => PurchaseLogReader.ReadCdnow(new StringReader(text), "log.txt");

        var error = act.Should().Throw<PurchaseLogFormatException>().Which;
        error.Problems.Should().HaveCount(PurchaseLogReader.MaxProblems);
        error.Message.Should().EndWith($"line 20: dollar_value 'x' is not a number (stopped reading after 20 problems)");
    }

    [Fact]
    public void ReadCdnow_BadLinesThenABinaryLine_ReportsBoth()
    {
        var act = () => PurchaseLogReader.ReadCdnow(new StringReader(" 1 19970101 1 x\n\0\0\0\0\n 2 19970101 1 y\n"), "log.txt");

        act.Should().Throw<PurchaseLogFormatException>().Which.Problems.Select(p => p.LineNumber).Should().Equal(1, 2);
    }

    private static string Shown(char delimiter) => delimiter == '\t' ? "tabs" : $"'{delimiter}'";

    /// <summary>A reader that never ends, like /dev/zero, and counts what was read from it.</summary>
    private sealed class EndlessReader(char c) : TextReader
    {
        public long CharsRead { get; private set; }

        public override int Peek() => c;

        public override int Read(char[] buffer, int index, int count)
        {
            Array.Fill(buffer, c, index, count);
            CharsRead += count;
            return count;
        }

        public override int Read(Span<char> buffer)
        {
            buffer.Fill(c);
            CharsRead += buffer.Length;
            return buffer.Length;
        }

        public override int Read()
        {
            CharsRead++;
            return c;
        }
    }
}
