// Small, invented name pools per nationality. Given and family names are
// combined at random, so no generated person is a real one. The lists are
// deliberately modest: enough variety for lists and search to look real.

export interface NamePool {
  /** ISO 3166 alpha-3. */
  nationality: string;
  /** ISO 639-1, first = main language. Each person gets the first and sometimes the second. */
  languages: readonly string[];
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
}

export const NAME_POOLS: Readonly<Record<string, NamePool>> = {
  SYR: {
    nationality: 'SYR',
    languages: ['ar', 'ku', 'en'],
    male: ['Ahmad', 'Mohammad', 'Omar', 'Khaled', 'Yousef', 'Hassan', 'Samir', 'Bashar', 'Rami', 'Tarek'],
    female: ['Amal', 'Fatima', 'Rania', 'Huda', 'Lina', 'Nour', 'Rasha', 'Salma', 'Maya', 'Dima'],
    family: ['Haddad', 'Al-Hassan', 'Khalil', 'Nasser', 'Darwish', 'Hamdan', 'Saleh', 'Younes', 'Mansour', 'Kassem', 'Shami', 'Barakat'],
  },
  AFG: {
    nationality: 'AFG',
    languages: ['fa', 'ps', 'en'],
    male: ['Mohammad', 'Abdul', 'Farid', 'Jawad', 'Naveed', 'Rahim', 'Sohail', 'Hamid', 'Wahid', 'Zabihullah'],
    female: ['Farzana', 'Mariam', 'Nazia', 'Shabnam', 'Zahra', 'Parwana', 'Sima', 'Laila', 'Roya', 'Mursal'],
    family: ['Ahmadi', 'Rahimi', 'Karimi', 'Hashimi', 'Noori', 'Sultani', 'Amiri', 'Habibi', 'Wardak', 'Popal', 'Safi', 'Samadi'],
  },
  TUR: {
    nationality: 'TUR',
    languages: ['tr', 'ku'],
    male: ['Mehmet', 'Mustafa', 'Emre', 'Murat', 'Hasan', 'Yusuf', 'Serkan', 'Baran', 'Deniz', 'Ömer'],
    female: ['Ayşe', 'Elif', 'Zeynep', 'Fatma', 'Emine', 'Leyla', 'Derya', 'Gül', 'Melek', 'Rojda'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Aydın', 'Öztürk', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Polat'],
  },
  IRQ: {
    nationality: 'IRQ',
    languages: ['ar', 'ku'],
    male: ['Ali', 'Hussein', 'Karim', 'Haidar', 'Mustafa', 'Zaid', 'Ammar', 'Sarkawt', 'Dilshad', 'Rebwar'],
    female: ['Zainab', 'Shilan', 'Noor', 'Sara', 'Avin', 'Hana', 'Ruqaya', 'Dilan', 'Banaz', 'Iman'],
    family: ['Al-Jaburi', 'Rashid', 'Hamid', 'Saeed', 'Ibrahim', 'Aziz', 'Mahmoud', 'Khudhur', 'Othman', 'Qadir', 'Jalal', 'Sabri'],
  },
  UKR: {
    nationality: 'UKR',
    languages: ['uk', 'ru', 'en'],
    male: ['Oleksandr', 'Andrii', 'Dmytro', 'Serhii', 'Mykola', 'Ivan', 'Yurii', 'Bohdan', 'Taras', 'Viktor'],
    female: ['Olena', 'Iryna', 'Natalia', 'Tetiana', 'Oksana', 'Kateryna', 'Yuliia', 'Svitlana', 'Anastasiia', 'Mariia'],
    family: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Kravchuk', 'Melnyk', 'Polishchuk', 'Lysenko', 'Marchenko', 'Rudenko', 'Savchuk', 'Moroz'],
  },
  GEO: {
    nationality: 'GEO',
    languages: ['ka', 'ru'],
    male: ['Giorgi', 'Davit', 'Levan', 'Irakli', 'Nika', 'Zurab', 'Tornike', 'Lasha', 'Giga', 'Beka'],
    female: ['Nino', 'Tamar', 'Mariam', 'Ana', 'Eka', 'Natia', 'Salome', 'Keti', 'Lika', 'Tamta'],
    family: ['Beridze', 'Kapanadze', 'Gelashvili', 'Lomidze', 'Tsiklauri', 'Maisuradze', 'Abashidze', 'Khutsishvili', 'Gogoladze', 'Jikia', 'Bolkvadze', 'Chikovani'],
  },
  NGA: {
    nationality: 'NGA',
    languages: ['en', 'yo', 'ig', 'ha'],
    male: ['Chinedu', 'Emeka', 'Oluwaseun', 'Tunde', 'Ibrahim', 'Musa', 'Uche', 'Segun', 'Ikenna', 'Kelechi'],
    female: ['Chioma', 'Ngozi', 'Adaeze', 'Folake', 'Aisha', 'Blessing', 'Funmilayo', 'Amaka', 'Yetunde', 'Zainab'],
    family: ['Okafor', 'Adeyemi', 'Eze', 'Okonkwo', 'Balogun', 'Nwosu', 'Abubakar', 'Ogunleye', 'Chukwu', 'Bello', 'Adebayo', 'Nnamdi'],
  },
  IRN: {
    nationality: 'IRN',
    languages: ['fa', 'en'],
    male: ['Reza', 'Amir', 'Mehdi', 'Hossein', 'Saeed', 'Arash', 'Babak', 'Kian', 'Farhad', 'Navid'],
    female: ['Maryam', 'Shirin', 'Parisa', 'Leila', 'Niloofar', 'Sara', 'Mahsa', 'Roya', 'Azadeh', 'Golnar'],
    family: ['Hosseini', 'Moradi', 'Rezaei', 'Jafari', 'Karimi', 'Rahmani', 'Mohammadi', 'Sadeghi', 'Ghasemi', 'Tehrani', 'Kazemi', 'Najafi'],
  },
  ERI: {
    nationality: 'ERI',
    languages: ['ti', 'ar', 'en'],
    male: ['Tesfay', 'Yonas', 'Filmon', 'Dawit', 'Mehari', 'Haile', 'Biniam', 'Samuel', 'Robel', 'Kidane'],
    female: ['Selam', 'Helen', 'Saba', 'Lidya', 'Senait', 'Mebrat', 'Rahel', 'Yordanos', 'Hiwet', 'Ruta'],
    family: ['Tesfamariam', 'Gebremedhin', 'Haile', 'Kidane', 'Tekle', 'Berhane', 'Ghebreyesus', 'Woldu', 'Habte', 'Asmerom', 'Yohannes', 'Mehari'],
  },
  SOM: {
    nationality: 'SOM',
    languages: ['so', 'ar', 'en'],
    male: ['Abdi', 'Mohamed', 'Ahmed', 'Hassan', 'Abdullahi', 'Yusuf', 'Omar', 'Said', 'Farah', 'Ali'],
    female: ['Amina', 'Hodan', 'Fadumo', 'Ayaan', 'Sahra', 'Hawa', 'Ifrah', 'Khadra', 'Nasra', 'Ubah'],
    family: ['Warsame', 'Abdi', 'Farah', 'Hussein', 'Jama', 'Osman', 'Yusuf', 'Aden', 'Nur', 'Egal', 'Hirsi', 'Dahir'],
  },
};

/** Nationality weights among asylum seekers (invented, roughly like recent German intake). */
export const ASYLUM_NATIONALITIES: readonly (readonly [string, number])[] = [
  ['SYR', 26],
  ['AFG', 20],
  ['TUR', 15],
  ['IRQ', 9],
  ['IRN', 6],
  ['GEO', 6],
  ['NGA', 5],
  ['ERI', 5],
  ['SOM', 4],
];

/** Nationalities of people admitted by humanitarian programmes (§§ 22, 23 AufenthG). */
export const PROGRAMME_NATIONALITIES: readonly (readonly [string, number])[] = [
  ['AFG', 5],
  ['SYR', 3],
  ['ERI', 1],
];
