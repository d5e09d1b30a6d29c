// Hidden tests of 00_setup.ipynb: run by `reccourse grade` after the student's cells, in their state.
var hiddenTable = new RatingTable(users: [3, 1, 3, 0, 3, 1, 2], items: [4, 4, 2, 4, 0, 2, 1],
    values: [2f, 5f, 1f, 4f, 3f, 5f, 2f], timestamps: [0, 0, 0, 0, 0, 0, 0]);
var hiddenItems = Enumerable.Range(0, 6).Select(i => new ItemInfo("T" + i, null, [])).ToArray();
var hiddenEmpty = new RatingTable([], [], [], []);

//# Exercise 0.1
Check.Close("0.1", 22.0 / 7, MeanRating(hiddenTable), 1e-9, "mean of a 7-rating table");
Check.Close("0.1", 0, MeanRating(hiddenEmpty), 0, "mean of an empty table");
Check.Close("0.1", ratings.Values.Sum(v => (double)v) / ratings.Count, MeanRating(ratings), 1e-6, "mean of the data set");

//# Exercise 0.2
Check.Equal("0.2", 1, CountActiveUsers(hiddenTable, 3), "users with ≥ 3 ratings");
Check.Equal("0.2", 2, CountActiveUsers(hiddenTable, 2), "users with ≥ 2 ratings");
Check.Equal("0.2", 4, CountActiveUsers(hiddenTable, 1), "users with ≥ 1 rating");
Check.Equal("0.2", 0, CountActiveUsers(hiddenEmpty, 1), "users of an empty table");
{
    var perUser = new int[data.NumUsers];
    foreach (var u in ratings.Users) perUser[u]++;
    Check.Equal("0.2", perUser.Count(c => c >= 50), CountActiveUsers(ratings, 50), "users with ≥ 50 ratings in the data set");
}

//# Exercise 0.3 (2 points)
// Item 4 has 3 ratings, item 2 has 2, items 0 and 1 have 1 each (tie → lower index first), items 3 and 5 none.
Check.Equal("0.3", "T4, T2, T0, T1", string.Join(", ", MostRatedTitles(hiddenTable, hiddenItems, 4)), "top 4 with a tie");
Check.Equal("0.3", "T4", string.Join(", ", MostRatedTitles(hiddenTable, hiddenItems, 1)), "top 1");
Check.Equal("0.3", 0, MostRatedTitles(hiddenTable, hiddenItems, 0).Length, "k = 0 gives no titles");
{
    var perItem = new int[data.NumItems];
    foreach (var i in ratings.Items) perItem[i]++;
    var best = Enumerable.Range(0, data.NumItems).Aggregate((a, b) => perItem[b] > perItem[a] ? b : a);
    Check.Equal("0.3", data.Items[best].Title, MostRatedTitles(ratings, data.Items, 3).FirstOrDefault(), "most-rated title of the data set");
}
