package textutil

// stopwords are English function words that carry no topic.
var stopwords = map[string]bool{}

func init() {
	for _, w := range []string{
		"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
		"as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
		"can", "could", "did", "do", "does", "doing", "down", "during", "each", "either", "else", "even",
		"ever", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
		"hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it",
		"its", "itself", "just", "let", "may", "me", "might", "more", "most", "much", "must", "my", "myself",
		"neither", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "ought",
		"our", "ours", "ourselves", "out", "over", "own", "per", "same", "shall", "she", "should", "since",
		"so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
		"there", "these", "they", "this", "those", "though", "through", "thus", "to", "too", "under",
		"until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where", "whether",
		"which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would",
		"yet", "you", "your", "yours", "yourself", "said", "says", "say", "mr", "mrs", "ms", "also",
		"although", "among", "another", "around", "away", "back", "still", "well", "will", "whilst",
		"it's", "that's", "there's", "he's", "she's", "they're", "we're", "i'm", "don't", "doesn't",
		"didn't", "won't", "can't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't",
	} {
		stopwords[w] = true
	}
}

// IsStopword reports whether a lower-case word is an English stopword.
func IsStopword(lower string) bool { return stopwords[lower] }
