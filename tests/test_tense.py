"""Tense of the sentence around an expression."""
import pytest

from timeline.tense import tense


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
    ("Pre-orders begin Friday.", "Friday", "future"),
    ("FedEx on Wednesday cut its profit forecast for the fiscal year.", "Wednesday", "past"),
    ("Orrin on Wednesday forecast revenue that will keep growing.", "Wednesday", "past"),
    ("The company will on Wednesday cut its forecast.", "Wednesday", "future"),
    ("Ministers on Monday set to approve the plan.", "Monday", "future"),
    ("The suspect fled the city before Monday.", "Monday", "past"),
    ("Homes were damaged by Wednesday's storm.", "Wednesday", "past"),
    ("Lawmakers approved new rules on Tuesday.", "Tuesday", "past"),
    ("The offer had been scheduled to expire at midnight Friday.", "midnight Friday", "past"),
    ("Nashua had purchased 481,000 shares through Sept. 29.", "Sept. 29", "past"),
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
