namespace RecCourse.Context;

/// <summary>Which side <see cref="ContextSplitter"/> splits: items (item splitting) or users (user splitting).</summary>
public enum SplitTarget { Items, Users }
