namespace Segmentation.Core; /// <summary>x</summary>
public static class Placeholder { }
