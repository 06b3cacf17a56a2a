"""Tense of the sentence around an expression."""
import pytest

from timeline.tense import sentence_bounds, tense


@pytest.mark.parametrize("sentence, word, expected", [
    ("The ministers will meet on Friday.", "Friday", "future"),
    ("The ministers met on Friday.", "Friday", "past"),
    ("Unemployment rose to 4% in July.", "July", "past"),
    ("Parliament meets on Monday.", "Monday", "future"),
    ("The firm agreed to buy it in February.", "February", "future"),
    ("On Friday the union decided to strike.", "Friday", "past"),
    ("Attention would shift to Friday's February employment report.", "Friday", "future"),
    ("Friday's report showed unemployment rose.", "Friday", "past"),
    ("Rubio told supporters in Miami on Tuesday night that he would win Florida.", "Tuesday night", "past"),
    ("If consumers come back in the autumn, that will be a bonus.", "the autumn", "future"),
    ("The Underground will be severely disrupted into Wednesday morning.", "Wednesday morning", "future"),
    ("The judge set jury selection to begin June 13.", "June 13", "future"),
    # a plan told in the past perfect may or may not have come yet: the nearer date
    ("Her trial had been scheduled to begin June 6.", "June 6", "unknown"),
    ("He had been due to return Saturday.", "Saturday", "unknown"),
    ("The IMD will issue an updated forecast in June.", "June", "future"),
    ("Services were suspended until at least 10am on Sunday.", "10am on Sunday", "future"),
    # from the second review
    ("The government published plans on Monday to ban disposable vapes.", "Monday", "past"),
    ("The jury retired to begin deliberations on Tuesday.", "Tuesday", "past"),
    ("Asked if he would resign, the minister said on Monday that he would not.", "Monday", "past"),
    ("It is unclear if the suspect fled the country on Saturday.", "Saturday", "past"),
    ("Kohli was run out for 12 on Saturday.", "Saturday", "past"),
    ("The new term should have begun on January 10.", "January 10", "unknown"),
    ("Moscow sent stern warnings from the Kremlin on Thursday.", "Thursday", "past"),
    ("The Weather Service issued an excessive heat warning from 11 a.m. Tuesday.", "11 a.m. Tuesday", "future"),
    ("Tuesday evening is when we're most worried.", "Tuesday evening", "unknown"),
    ("Forecasters said the weekend should be pleasant.", "the weekend", "future"),
    ("Funding runs out at midnight on Friday.", "midnight on Friday", "future"),
    ("The Senate plans a final vote on Thursday.", "Thursday", "future"),
    ("If Congress failed to finish its work by the spring, he would act.", "the spring", "future"),
    # counter-examples from review: each of these once went wrong
    ("On Friday, nurses who voted to strike will walk out.", "Friday", "future"),
    ("Shares on Friday, if anything, rose.", "Friday", "past"),
    ("Residents were evacuated after the Met Office warned of flooding on Sunday.", "Sunday", "past"),
    ("Sales slowed sharply going into December.", "December", "past"),
    ("Tickets for the concert on Saturday cost $50.", "Saturday", "unknown"),
    ("The company confirmed its plans to open a store on Friday.", "Friday", "future"),
    ("Aslef said it would announce further dates in November if no agreement was reached.", "November", "future"),
    ("He was given until March to reply.", "March", "future"),
    ("Collins will be named commander in December.", "December", "future"),
    ("Prices in Paris in July.", "July", "unknown"),
    ("He'll meet them on Friday.", "Friday", "future"),
    ("He’ll meet them on Friday.", "Friday", "future"),
    ("They won’t sign on 2 March.", "2 March", "future"),
    ("The fair on 2 March needs a hundred volunteers.", "2 March", "unknown"),
    ("They could leave as soon as Tuesday, Castro said.", "Tuesday", "future"),
    ("He joins the board effective Feb. 1.", "Feb. 1", "future"),
    ("Rallies grew ahead of Sunday's vote, officials said.", "Sunday", "future"),
    ("They will appeal Wednesday's ruling.", "Wednesday", "past"),
    ("FGCU will face San Diego State in Sunday's third-round game.", "Sunday", "future"),
    ("Officials urged commuters to plan for a shutdown lasting through Monday's morning rush hour.",
     "Monday", "future"),
    ("The split would be paid in January.", "January", "future"),
    ("Members had filed their reports by Wednesday.", "Wednesday", "past"),
    ("By 8 p.m. Friday, outer rain bands were lashing the island.", "8 p.m. Friday", "past"),
    ("By Friday, the troops will have withdrawn.", "Friday", "future"),
    ("Until Thursday, they had not called him a suspect.", "Thursday", "past"),
    ("The dividend was declared, payable Dec. 7 to stock of record Nov. 22.", "Nov. 22", "future"),
    ("Lowe's reports results on Monday.", "Monday", "future"),
    ("Chelsea, who play Everton on Saturday, are second.", "Saturday", "future"),
    ("Maties won the title, beating hosts Tuks in the final on Sunday.", "Sunday", "past"),
    ("Kuroda, who took office on Wednesday, will chair the meeting.", "Wednesday", "past"),
    ("It made it hard to meet demand well into the summer.", "the summer", "past"),
    ("The heat that has baked the city since Friday will linger.", "Friday", "past"),
    ("Cyprus races to secure a bailout before Monday deadline", "Monday", "future"),
    ("Shares rose before Friday's purchases.", "Friday", "past"),
    ("With five days to go before Tuesday's midterm elections, polls favour them.", "Tuesday", "future"),
    ("Pre-orders begin Friday.", "Friday", "future"),
    ("FedEx on Wednesday cut its profit forecast for the fiscal year.", "Wednesday", "past"),
    ("Orrin on Wednesday forecast revenue that will keep growing.", "Wednesday", "past"),
    ("The company will on Wednesday cut its forecast.", "Wednesday", "future"),
    ("Ministers on Monday set to approve the plan.", "Monday", "future"),
    ("The suspect fled the city before Monday.", "Monday", "past"),
    ("Homes were damaged by Wednesday's storm.", "Wednesday", "past"),
    ("Lawmakers approved new rules on Tuesday.", "Tuesday", "past"),
    ("The offer had been scheduled to expire at midnight Friday.", "midnight Friday", "unknown"),
    ("Nashua had purchased 481,000 shares through Sept. 29.", "Sept. 29", "past"),
    # "through" after a span ends the span: no deadline ("the six months through June")
    ("The fund saw little change in sales this year through August.", "August", "past"),
    ("Sales rose 4 percent in the 12 months through October.", "October", "past"),
    ("Sales are expected to rise through October.", "October", "future"),
    ("The film was originally due to open in April.", "April", "past"),
    ("Warner Bros moved Wonder Woman 1984 to Christmas Day.", "Christmas Day", "future"),
    ("Forecasters issued a red flag warning that runs from late Sunday through Monday.",
     "late Sunday", "future"),
    ("The festival, which returns on Wednesday for the first time since 2019, has advised fans "
     "to check their trains.", "Wednesday", "future"),
    # a present progressive in the date's clause looks ahead; a saying in a "which"
    # clause after the date counts only when nothing else does
    ("Tube workers are also staging a walkout on Tuesday, which TfL said would cause "
     "disruption.", "Tuesday", "future"),
    ("The market has come a long way since the August lows, and people are betting on a cut.",
     "August", "unknown"),
    ("The club moved the game back to Sunday.", "Sunday", "future"),
    ("The film is due to open in April.", "April", "future"),
    # "with" and a noun before a form in -ed: a participle
    ("He said the storm would bring disruption on Friday, with the worst gusts expected in the "
     "morning.", "Friday", "future"),
    ("He must negotiate with rebels who signed a deal with the government in June.", "June", "past"),
    # a present perfect takes no day for its time
    ("Jones has named an unchanged side for Saturday's World Cup final.", "Saturday", "unknown"),
    ("Schools in the area have cancelled classes for Tuesday.", "Tuesday", "unknown"),
    ("Prices have fallen since March.", "March", "past"),
    ('"December is now the most likely date," said Feroli.', "December", "unknown"),
    ('"We met them on Friday," he said.', "Friday", "past"),
    ("Xi will attend his first summit since taking office in March.", "March", "past"),
    ("It expects growth of 2.0 percent, down from a projection of 2.3 percent in June.", "June", "past"),
    # in a clause whose verb looks ahead, a form in -ed is a participle
    ("The pope will receive diplomats accredited to the Holy See on Friday.", "Friday", "future"),
    ("Growth is expected to have slowed after a strong expansion in the first quarter.",
     "the first quarter", "past"),
    ("Talks over plans to introduce new trains broke down late Friday.", "late Friday", "past"),
    ("Troops will continue to be paid under a bill Obama signed late Monday.", "late Monday", "past"),
    # an adjective in un-...-ed is no past verb
    ("The split would be paid on a still unspecified date in January.", "January", "future"),
    ("Neither tanker arrived until Sunday morning.", "Sunday morning", "past"),
    ("Offices will remain closed Saturday, which has been declared a holiday.", "Saturday", "future"),
    ("He did not return until Friday.", "Friday", "past"),
    ("Until Friday, the firm was profitable.", "Friday", "past"),
    ("A race that, until this weekend, many feared was slipping away.", "this weekend", "past"),
    ("Until Friday, the road will stay closed.", "Friday", "future"),
    ("The city laid off 14 employees in the spring.", "the spring", "past"),
    ("He didn't return until Friday.", "Friday", "past"),
    ("He didn’t return until Friday.", "Friday", "past"),
    ("Moscow said nothing publicly until the evening of April 28.", "the evening of April 28", "past"),
    ("Residents were not told to leave until the afternoon of April 27.", "the afternoon of April 27", "past"),
    ("The report was not expected until Friday.", "Friday", "future"),
    ("The first infections may have occurred as early as January.", "January", "past"),
    ("Some victims may have fallen ill as early as January.", "January", "past"),
    ("The show will be broadcast on Saturday as planned, its producers said.", "Saturday", "future"),
    ("The programme sees a round of fixtures on Boxing Day, followed by another on New Year's Day.", "Boxing Day", "unknown"),
    ("The talks were followed by a dinner on Friday.", "Friday", "past"),
    # "could" looks ahead, but not denied, nor after a past that is no saying
    ("The first tranche could be paid out in early May, officials said.", "early May", "future"),
    ("Prices could worsen between May and July.", "May", "future"),
    ("He could not be reached for comment on Monday.", "Monday", "unknown"),
    ("Neither he nor his family could be located Wednesday.", "Wednesday", "unknown"),
    ("That night crews believed they could hold the fire on Sunday.", "Sunday", "past"),
    ("The cleanup was hampered, and forecasters warned that storms could develop on Wednesday "
     "afternoon.", "Wednesday afternoon", "future"),
    ("Forecasters had warned that a storm could bring rain over the weekend, but it did not.",
     "the weekend", "past"),
    ("They host Wolves on Saturday, before a two-week break.", "Saturday", "future"),
    ("The authority asked airlines to cancel half their flights on Thursday.", "Thursday", "future"),
    ("The judge told jurors to return at 1:30 p.m. Thursday.", "1:30 p.m. Thursday", "future"),
    ("They expected it to come ashore late Sunday night or early Monday.", "early Monday", "future"),
    ("The judge told jurors on Monday that the trial would resume.", "Monday", "past"),
    ("Residents were told to leave their homes by Wednesday morning.", "Wednesday morning", "future"),
    ("Residents were ordered to leave their homes on Sunday.", "Sunday", "past"),
    ("The economist said he now expected a further rise in August.", "August", "future"),
    ("She urged voters on Tuesday to back the plan.", "Tuesday", "past"),
    ("He spent the evening with friends and left the bar shortly before 2am.", "2am", "past"),
    ("Some lines may not be repaired until the weekend.", "the weekend", "future"),
    ("A front moved in, and by early afternoon gusts were driving the fire east.",
     "early afternoon", "past"),
    # a verb in the date's own clause beats a nearer one past a comma
    ("President Kenyatta, who took office following elections in March, is expected to visit.",
     "March", "past"),
    ("Thermo agreed to purchase the line for $22 million in February.", "February", "future"),
    ("The partnership extended to Nov. 20 its offer for all shares.", "Nov. 20", "future"),
    ("It said it will redeem Series H preferred shares on Oct. 31.", "Oct. 31", "future"),
    ("The European Central Bank said on Thursday it would cut off funds.", "Thursday", "past"),
    ("The company announced in October a plan to cut jobs.", "October", "past"),
    ("Output was half what was expected in December.", "December", "past"),
    ("They were planning to drive around the airport on Monday.", "Monday", "future"),
    ("The attorney has scheduled a news conference Thursday.", "Thursday", "future"),
    # an abbreviation does not end the sentence: "killed" is its verb
    ("In January, after the Roe vs. Wade anniversary, a bomb killed a guard.", "January", "past"),
    ("On Friday, Mr. Smith resigned.", "Friday", "past"),
    # a past verb in the next clause does not turn "by" back
    ("The talks, which are due to end by May, invited Sinn Fein back.", "May", "future"),
    ("Passengers were expected to pass through between Thursday and Monday.", "Thursday", "future"),
    ("Inflation stood at 2.8%, and the bank expects it to peak in the autumn.", "the autumn", "future"),
    ("Harlan will pay a premium to the closing price on Friday.", "Friday", "past"),
    ("Harlow now expects earnings of $5.20, up from its July forecast.", "July", "past"),
    # reported speech: "warned that ... was" is the tense of the warning
    ("Forecasters warned that more storms were possible through Friday.", "Friday", "future"),
    ("Forecasters warned that the greatest risk was on Thursday afternoon.", "Thursday afternoon", "unknown"),
    ("Police said that the man died on Friday.", "Friday", "past"),
    ("Meteorologists said more snow was expected on Wednesday night.", "Wednesday night", "future"),
    # "until" after a past verb it measures
    ("Crews hit rock, and work stopped again until January.", "January", "past"),
    ("Officials postponed until Tuesday any action on the bond.", "Tuesday", "future"),
    ("Power will not be fully restored until the weekend.", "the weekend", "future"),
    ("President Bush planned to campaign in Georgia on Saturday.", "Saturday", "future"),
    # sports results
    ("Rovers will face Kingsbridge, who beat Ashcombe 3-0 on Tuesday night.", "Tuesday night", "past"),
    ("Rovers hope to beat Kingsbridge on Saturday.", "Saturday", "future"),
    # a past form after "a" or "the" is a noun or an adjective
    ("Customers from the diner should get a shot by Friday.", "Friday", "future"),
    # "and" opens another clause, as a comma does
    ("The results were submitted to a journal in April and are expected to be published.", "April", "past"),
    # a closing attribution gives the tense of the saying, not of the event
    ("He will visit the papal summer retreat on Saturday, the Vatican said.", "Saturday", "future"),
    ("He resigned on Saturday, the Vatican said.", "Saturday", "past"),
    ("On Saturday, the Vatican said.", "Saturday", "past"),
    ("Samsung will show the phone in Las Vegas May 21, and analysts said it may sell well.", "May 21", "future"),
    ("On Monday, during a briefing, the minister said: \u201cThe North continues to advance.", "Monday", "past"),
])
def test_tense_of_sentence(sentence, word, expected):
    start = sentence.index(word)
    assert tense(sentence, start, start + len(word)) == expected


def test_sentence_bounds_start_at_a_sentence_opening_expression():
    text = "The talks will resume on Monday. The next year it became law. He left at 4 p.m. She stayed."
    start = text.index("The next year")
    assert sentence_bounds(text, start, start + 13) == (start, text.index(" He left"))
    clock = text.index("4 p.m.")
    assert sentence_bounds(text, clock, clock + 6)[1] == clock + 6     # "... 4 p.m. She"
