import type { DemoQueueName } from './demo-people.ts';

/**
 * What demo conversations are about. Lines may use {first} (customer's first name), {agent}
 * (agent's first name), {order}, {amount} and {tracking}; the generator fills them in.
 */
export interface DemoScript {
  topic: string;
  queue: Exclude<DemoQueueName, 'Default'>;
  tag: string;
  /** Relative frequency. */
  weight: number;
  openings: readonly string[];
  followUps: readonly string[];
  /** `replies[0]` answers the opening, `replies[i]` answers `followUps[i - 1]`. */
  replies: readonly string[];
}

export const DEMO_SCRIPTS: readonly DemoScript[] = [
  {
    topic: 'Where is my order?',
    queue: 'Support',
    tag: 'delivery',
    weight: 14,
    openings: [
      'Hi, I ordered a pair of wireless earbuds last week (order {order}) and it still shows "processing". When will it ship?',
      'Hello, my order {order} was supposed to arrive yesterday but nothing came. Can you check?',
      'The tracking for {order} has not moved for three days. Is the parcel lost?',
    ],
    followUps: [
      'I will not be home tomorrow, can the courier leave it with a neighbour?',
      'The tracking page just says "exception". What does that mean?',
      'OK, and if it does not come by Friday?',
      'Can I pick it up from the store instead?',
    ],
    replies: [
      'Hi {first}, thanks for reaching out. I can see order {order} left our warehouse and is with the courier, tracking number {tracking}.',
      'Yes, I have added a delivery note asking the courier to leave it with a neighbour.',
      'An "exception" usually means the courier could not access the address. I have confirmed the address with them, and it is scheduled for delivery tomorrow between 9:00 and 13:00.',
      'If it has not arrived by Friday, we will send a replacement free of charge, no need to return anything.',
      'Of course: I have redirected it to our store; you will get a text when it is ready to collect.',
    ],
  },
  {
    topic: 'SIM activation',
    queue: 'Support',
    tag: 'sim_activation',
    weight: 12,
    openings: [
      'I got my new SIM card today but the phone says "No service". How do I activate it?',
      'Hi, I ported my number from another network two days ago and I still cannot make calls.',
      'My eSIM QR code does not scan, it says the code is no longer valid.',
    ],
    followUps: [
      'I restarted the phone twice, still nothing.',
      'The ICCID on the card ends in 4471, if that helps.',
      'Now it shows one bar but data does not work.',
      'It works now! Calls and data both fine.',
    ],
    replies: [
      'Hi {first}, sorry about that. Could you send me the last four digits of the ICCID printed on the SIM card?',
      'Please wait five minutes after the restart; activation can take a moment to reach the network.',
      'Thanks. The SIM was not activated on our side; I have activated it now. Please restart your phone once more.',
      'For mobile data, please check that the APN is set to "internet" under Settings > Mobile network > Access point names.',
      'Great news! If the eSIM QR code ever fails, we can issue a new profile by e-mail within ten minutes.',
    ],
  },
  {
    topic: 'Refund request',
    queue: 'Billing',
    tag: 'refund',
    weight: 10,
    openings: [
      'I returned a smartwatch two weeks ago (order {order}) and I have not received my refund yet.',
      'Hi, I was charged twice for order {order}. Please refund the duplicate payment.',
      'I cancelled my order before it shipped, when will I get my {amount} back?',
    ],
    followUps: [
      'I paid by credit card, the last digits are 0932.',
      'How many days does it usually take?',
      'My bank says they have not received anything yet.',
      'Great, I can see it now. Thank you!',
    ],
    replies: [
      'Hi {first}, thanks for your patience. I can confirm we received the returned item and it passed inspection.',
      'Thank you. I have issued the refund of {amount} to that card.',
      'Banks usually take 3–5 working days to show it. If it was a duplicate charge, the pre-authorisation is released automatically.',
      'The refund reference is RF-{order}; your bank can trace it with that number.',
      'You are welcome! Sorry again for the wait.',
    ],
  },
  {
    topic: 'Question about my bill',
    queue: 'Billing',
    tag: 'billing',
    weight: 12,
    openings: [
      'My bill this month is {amount}, almost double the usual. Why?',
      'Hi, there is a charge for "premium services" on my invoice that I never signed up for.',
      'Can I change the date my monthly payment is taken?',
    ],
    followUps: [
      'I was in Spain for a few days, but I thought roaming was included.',
      'Can you block premium services on my line so it does not happen again?',
      'I would prefer the 15th of each month.',
      'Please send me the itemised bill by e-mail.',
    ],
    replies: [
      'Hi {first}, I have gone through your bill: the extra amount comes from data used while roaming outside the EU zone.',
      'Roaming is included in the EU zone; outside it a daily rate applies. I have added a one-off goodwill credit for this time.',
      'Done: premium services are now blocked on your line and any premium charge will be credited on your next bill.',
      'Done: from next month your payment will be taken on the 15th.',
      'I have e-mailed the itemised bill to the address on your account.',
    ],
  },
  {
    topic: 'Upgrade to a new phone',
    queue: 'Sales',
    tag: 'order',
    weight: 10,
    openings: [
      'Hi, am I eligible for an upgrade? I would like the new Galaxy S25.',
      'Do you have the iPhone 16 Pro in 256 GB in stock?',
      'What is the best plan if I want a new phone and unlimited data?',
    ],
    followUps: [
      'What would the monthly cost be with my current plan?',
      'Can I trade in my old phone?',
      'Is there a student discount?',
      'OK, please go ahead and place the order.',
    ],
    replies: [
      'Hi {first}! Yes, you are eligible for an upgrade from today. The device is in stock in all colours.',
      'With Unlimited 5G and the new device it would be {amount} per month over 24 months, no upfront cost.',
      'Yes, trade-in is available; for your current model we can offer up to £180 depending on condition.',
      'Yes, students get 10% off the monthly price with a valid student e-mail address.',
      'Your order {order} is placed; you will get a confirmation e-mail shortly and delivery is usually next working day.',
    ],
  },
  {
    topic: 'Faulty device',
    queue: 'Support',
    tag: 'technical_issue',
    weight: 10,
    openings: [
      'My new laptop from order {order} will not turn on at all.',
      'The screen of my tablet started flickering after a week.',
      'The charging case of my earbuds does not charge anymore.',
    ],
    followUps: [
      'I tried another cable and charger, same problem.',
      'I held the power button for 30 seconds, nothing happens.',
      'Do I need to bring it to a store?',
      'Can I get a replacement instead of a repair?',
    ],
    replies: [
      'Hi {first}, sorry to hear that. Could you try holding the power button for 30 seconds with the charger connected?',
      'Thanks for trying that. It sounds like a hardware fault; it is within the 30-day window, so we will replace it.',
      'Thanks for checking. I have e-mailed you a prepaid returns label; once the courier scans it we will dispatch the replacement.',
      'No need: you can also swap it in any of our stores, just bring the device and your order number {order}.',
      'Yes, a replacement it is. It ships as soon as the returned device is scanned.',
    ],
  },
  {
    topic: 'Roaming abroad',
    queue: 'Support',
    tag: 'roaming',
    weight: 7,
    openings: [
      'I am travelling to the US next week, will my plan work there?',
      'I just landed in Croatia and my phone has no data.',
      'How much does it cost to call home from Turkey?',
    ],
    followUps: [
      'Is there a daily pass I can add?',
      'Data roaming is switched on in my settings.',
      'How do I check how much roaming data I have used?',
    ],
    replies: [
      'Hi {first}, your plan includes roaming in the EU at no extra cost. For the US you can add the World Pass for £5 a day.',
      'Yes: I have added the World Pass to your line; it starts the first time you use data abroad.',
      'Thanks. Please restart the phone and select the network manually under Settings > Mobile network > Operators.',
      'You can see roaming usage in the app under Usage > Abroad, updated every hour.',
    ],
  },
  {
    topic: 'Return an item',
    queue: 'Sales',
    tag: 'return',
    weight: 8,
    openings: [
      'I would like to return the smart speaker from order {order}, it is not what I expected.',
      'Hi, how do I return headphones I bought online? They are unopened.',
    ],
    followUps: [
      'Do I have to pay for return shipping?',
      'I no longer have the original box, is that a problem?',
      'Sent it today, here is the receipt.',
    ],
    replies: [
      'Hi {first}, of course. You have 30 days to return it; I have e-mailed you a free returns label.',
      'No, returns are free: the label is prepaid.',
      'No problem without the original box, just pack it securely.',
      'Thanks! Once the warehouse receives it the refund of {amount} is issued within 2 working days.',
    ],
  },
  {
    topic: 'Complaint about service',
    queue: 'Support',
    tag: 'complaint',
    weight: 5,
    openings: [
      'This is the third time I am writing about the same problem and nobody has fixed it. Very disappointed.',
      'I waited 45 minutes on the phone line and got disconnected. Not acceptable.',
    ],
    followUps: [
      'I want this escalated to a manager.',
      'I am considering cancelling my contract.',
      'Fine, I will wait for the callback.',
    ],
    replies: [
      'Hi {first}, I am really sorry about this experience. I have read the previous messages and I will own this until it is solved.',
      'I have escalated it to our team lead, who will call you today before 18:00.',
      'I understand. Before you decide, let our team lead call you; as an apology I have added a £10 credit to your account.',
      'Thank you for your patience. The callback is booked.',
    ],
  },
  {
    topic: 'Order a new line',
    queue: 'Sales',
    tag: 'order',
    weight: 6,
    openings: [
      'Can I add a second line for my daughter to my account?',
      'I would like to switch to your network and keep my number.',
    ],
    followUps: [
      'Can she have her own data allowance?',
      'How long does the number transfer take?',
      'Yes please, go ahead.',
    ],
    replies: [
      'Hi {first}, yes! With Family Share each line has its own allowance and you get 20% off the second line.',
      'Yes, each line on Family Share has its own data allowance.',
      'Number transfer takes one working day once we have your PAC code.',
      'Your new line is ordered ({order}); the SIM card will arrive in 1–2 days.',
    ],
  },
];

/** Customer lines that end a conversation. */
export const CUSTOMER_THANKS: readonly string[] = [
  'Thank you so much, that sorted it!',
  'Perfect, thanks for your help.',
  'Great, thanks {agent}!',
  'Brilliant, much appreciated.',
];

/** Agent lines that close a solved conversation. */
export const AGENT_CLOSINGS: readonly string[] = [
  'You are welcome, {first}! Is there anything else I can help with?',
  'Glad I could help. Have a great day!',
  'Happy to help. I will mark this as solved; just reply here if anything else comes up.',
];

/** Agent lines that ask the customer for something (status WAITING). */
export const AGENT_WAITING: readonly string[] = [
  'Could you confirm the date of birth on the account so I can verify it is you?',
  'Could you send me a screenshot of the order confirmation so I can look into it?',
  'Let me know if that works for you; I will keep this conversation open until I hear back.',
];

/** Customer lines once the script's follow-ups are used up. */
export const CUSTOMER_FILLERS: readonly string[] = [
  'Any update on this?',
  'Sorry, one more question: will I get a confirmation by e-mail?',
  'OK, thanks. I will wait.',
  'Is there a reference number for this?',
];

/** Agent lines once the script's replies are used up. */
export const AGENT_FILLERS: readonly string[] = [
  'Let me check that for you, one moment please.',
  'Thanks for your patience, I am still looking into it.',
  'Yes, you will receive a confirmation e-mail within the hour.',
  'Your reference is {order}; please quote it if you contact us again.',
];

/** Internal notes agents leave for each other. */
export const NOTES: readonly string[] = [
  'Customer has had two failed deliveries this month, offered free next-day shipping on the next order.',
  'Checked with the warehouse: replacement stock arrives Thursday.',
  'Long-standing customer (since 2016). Please be generous with goodwill credit.',
  'Escalated to the payments team, ticket PAY-2231.',
  'Customer prefers to be contacted by e-mail only.',
  'Same issue as last month, see previous conversation.',
];

/** Conversation tags of the demo catalogue, with colours; template tags follow. */
export const CONVERSATION_TAGS: Readonly<Record<string, string>> = {
  order: '#228be6',
  delivery: '#15aabf',
  refund: '#fab005',
  billing: '#fd7e14',
  sim_activation: '#40c057',
  technical_issue: '#7950f2',
  roaming: '#12b886',
  return: '#82c91e',
  complaint: '#fa5252',
  vip: '#be4bdb',
};

export const TEMPLATE_TAGS: Readonly<Record<string, string>> = {
  greeting: '#868e96',
  closing: '#495057',
  apology: '#e64980',
};
