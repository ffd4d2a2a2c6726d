public class T1 { [Fact] public void A() => 1.Should().Be(1); }
