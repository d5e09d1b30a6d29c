using System.CommandLine;

namespace RecCourse.Cli.Commands;

/// <summary><c>reccourse data info|synth|download</c>. (Placeholder until the data layer lands.)</summary>
public static class DataCommand
{
    public static Command Create() => new("data", "Inspect, synthesise or download rating data.");
}
